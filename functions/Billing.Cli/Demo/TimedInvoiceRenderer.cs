using System.Collections.Concurrent;
using System.Diagnostics;
using Billing.Core.Documents;
using Billing.Core.Invoicing;

namespace Billing.Cli.Demo;

/// <summary>Wraps the renderer to add up the time spent rendering (across concurrent workers), for the demo's timings.</summary>
public sealed class TimedInvoiceRenderer(IInvoiceDocumentRenderer inner) : IInvoiceDocumentRenderer
{
    private readonly ConcurrentDictionary<string, Invoice> _rendered = new(StringComparer.Ordinal);
    private long _ticks;
    private int _documents;

    /// <summary>Rendering time summed over all calls (workers in parallel add up).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public int Documents => _documents;

    public void WritePdf(Invoice invoice, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        _rendered[invoice.Id] = invoice;
        Time(() => inner.WritePdf(invoice, destination));
    }

    /// <summary>The invoices rendered since the last call (the demo's bank learns of new invoices this way, without querying them all every day).</summary>
    public IReadOnlyList<Invoice> TakeRendered()
    {
        var taken = new List<Invoice>();
        foreach (var id in _rendered.Keys)
        {
            if (_rendered.TryRemove(id, out var invoice))
            {
                taken.Add(invoice);
            }
        }

        return taken;
    }

    public void WriteUbl(Invoice invoice, Stream destination) => Time(() => inner.WriteUbl(invoice, destination));

    private void Time(Action render)
    {
        var started = Stopwatch.GetTimestamp();
        render();
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _documents);
    }
}
