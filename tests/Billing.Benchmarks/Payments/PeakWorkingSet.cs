using System.Diagnostics;
using System.Globalization;

namespace Billing.Benchmarks.Payments;

/// <summary>
/// The peak working set of one phase of a benchmark, not of the whole process (whose peak includes the setup). On
/// Linux the kernel's high-water mark (VmHWM) is reset when the phase starts (<c>/proc/self/clear_refs</c>, "5") and
/// read when it ends; elsewhere, and as a floor, the working set is sampled every 20 ms meanwhile.
/// </summary>
public sealed class PeakWorkingSet : IDisposable
{
    private const string Status = "/proc/self/status";
    private readonly bool _kernelReset;
    private readonly Timer _sampler;
    private long _sampled;

    private PeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            _kernelReset = KernelHighWaterMark() is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _kernelReset = false;
        }

        _sampler = new Timer(_ => Sample(), null, 0, 20);
    }

    /// <summary>
    /// Starts measuring, from the live heap: garbage is collected first and the memory it held given back to the system
    /// (an aggressive collection), so an earlier phase (the seeding, a previous iteration) does not count.
    /// </summary>
    public static PeakWorkingSet Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return new PeakWorkingSet();
    }

    /// <summary>The highest working set since <see cref="Start"/>, in bytes.</summary>
    public long Bytes
    {
        get
        {
            Sample();
            return Math.Max(_sampled, _kernelReset ? KernelHighWaterMark() ?? 0 : 0);
        }
    }

    public string Source => _kernelReset ? "VmHWM reset at start" : "sampled every 20 ms";

    public void Dispose() => _sampler.Dispose();

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var current = process.WorkingSet64;
        long seen;
        while (current > (seen = Interlocked.Read(ref _sampled)) && Interlocked.CompareExchange(ref _sampled, current, seen) != seen)
        {
        }
    }

    private static long? KernelHighWaterMark()
    {
        if (!File.Exists(Status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
