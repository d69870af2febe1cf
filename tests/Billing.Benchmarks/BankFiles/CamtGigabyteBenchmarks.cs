using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Billing.BankFiles;

namespace Billing.Benchmarks.BankFiles;

/// <summary>
/// Streams a generated 1 GB camt.053 (never materialised) through the streaming API and reports the process's peak
/// working set (target: under 100 MB). Run once: <c>--filter '*Gigabyte*' --job dry</c>.
/// </summary>
public class CamtGigabyteBenchmarks
{
    private const long Entries = 1_460_000; // about 1.0 GB of XML

    [Benchmark]
    public long Stream1GbCamt053()
    {
        using var stream = new GeneratedStream(BankFileGenerator.CamtChunks(Entries));
        long count = 0;
        foreach (var e in BankFileReader.ReadEvents(stream))
        {
            if (e is BankFileEvent.EntryRead)
            {
                count++;
            }
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// camt.053 streamed: {stream.BytesProduced / (1024.0 * 1024):F0} MB, {count} entries, peak working set {process.PeakWorkingSet64 / (1024.0 * 1024):F1} MB");
        return count;
    }
}
