using Billing.Core.Invoicing;
using Billing.Core.Storage;

namespace Billing.Core.Issuing;

/// <summary>
/// Links each proration or cancellation credit to the invoice that billed the days it gives back (EN 16931 BG-3:
/// BT-25 number, BT-26 issue date), so the credit note (or the invoice carrying the credit) says what it credits.
/// The link is made when the draft is made, from the account's invoices the biller has read anyway; the number is
/// copied then if that invoice already has one, and otherwise when the credit is issued (<see cref="ResolveAsync"/>),
/// by which time the earlier invoice is numbered, since an account's invoices are issued in billing-date order.
/// </summary>
public static class CreditedInvoices
{
    /// <summary>The draft with <see cref="InvoiceLine.CreditedInvoice"/> set on each credit line whose credited charge is on one of <paramref name="invoices"/>.</summary>
    public static Invoice Attach(Invoice draft, IEnumerable<Charge> charges, IEnumerable<Invoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentNullException.ThrowIfNull(invoices);
        var credited = charges.Where(c => c.CreditedChargeKey is not null).ToDictionary(c => c.Key, c => c.CreditedChargeKey!, StringComparer.Ordinal);
        if (credited.Count == 0)
        {
            return draft;
        }

        var billedBy = new Dictionary<string, Invoice>(StringComparer.Ordinal);
        foreach (var invoice in invoices)
        {
            foreach (var line in invoice.Lines)
            {
                billedBy.TryAdd(line.Key, invoice);
            }
        }

        return draft with
        {
            Lines = [.. draft.Lines.Select(line =>
                credited.TryGetValue(line.Key, out var key) && billedBy.TryGetValue(key, out var invoice)
                    ? line with { CreditedInvoice = new InvoiceReference { Id = invoice.Id, Number = invoice.Number, IssueDate = invoice.IssueDate } }
                    : line)],
        };
    }

    /// <summary>
    /// The invoice with the numbers of the invoices its credits refer to filled in where the draft did not know them
    /// (a catch-up run drafts several days before numbering any); the invoice itself when nothing was missing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A credited invoice is missing or still has no number (retried by the queue).</exception>
    public static async Task<Invoice> ResolveAsync(IDocumentStore store, Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(invoice);
        var missing = invoice.Lines.Select(l => l.CreditedInvoice).Where(r => r is { Number: null }).Select(r => r!.Id).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return invoice;
        }

        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in missing)
        {
            var credited = await store.ReadAsync<Invoice>(invoice.AccountId, id, cancellationToken);
            numbers[id] = credited?.Value.Number
                ?? throw new InvalidOperationException($"Invoice {invoice.Id} credits invoice {id}, which is not issued yet.");
        }

        return invoice with
        {
            Lines = [.. invoice.Lines.Select(line => line.CreditedInvoice is { Number: null } reference
                ? line with { CreditedInvoice = reference with { Number = numbers[reference.Id] } }
                : line)],
        };
    }
}
