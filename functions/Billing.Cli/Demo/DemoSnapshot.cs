using Billing.Core.Invoicing;
using Billing.Core.Storage;
using Billing.Local;

namespace Billing.Cli.Demo;

/// <summary>What the data folder holds at one moment: the invoices, the .eml files, the event lines.</summary>
public sealed record DemoSnapshot(IReadOnlyList<Invoice> Invoices, int Emails, int Events)
{
    public IReadOnlySet<string> InvoiceIds { get; } = Invoices.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);

    public static async Task<DemoSnapshot> TakeAsync(IDocumentStore store, LocalDataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(data);
        var invoices = new List<Invoice>();
        await foreach (var invoice in store.QueryAllAsync<Invoice>())
        {
            invoices.Add(invoice.Value);
        }

        var emails = Directory.Exists(data.Outbox) ? Directory.EnumerateFiles(data.Outbox, "*.eml").Count() : 0;
        var events = File.Exists(data.Events) ? File.ReadLines(data.Events).Count(l => l.Length > 0) : 0;
        return new DemoSnapshot(invoices, emails, events);
    }
}
