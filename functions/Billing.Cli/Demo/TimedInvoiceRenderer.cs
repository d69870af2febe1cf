using System.Diagnostics;
using Billing.Core.Documents;
using Billing.Core.Invoicing;

namespace Billing.Cli.Demo;

/// <summary>Wraps the renderer to add up the time spent rendering (across concurrent workers), for the demo's timings.</summary>
public sealed class TimedInvoiceRenderer(IInvoiceDocumentRenderer inner) : IInvoiceDocumentRenderer
{
    private long _ticks;
    private int _documents;

    /// <summary>Rendering time summed over all calls (workers in parallel add up).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public int Documents => _documents;

    public void WritePdf(Invoice invoice, Stream destination) => Time(() => inner.WritePdf(invoice, destination));

    public void WriteUbl(Invoice invoice, Stream destination) => Time(() => inner.WriteUbl(invoice, destination));

    private void Time(Action render)
    {
        var started = Stopwatch.GetTimestamp();
        render();
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _documents);
    }
}
