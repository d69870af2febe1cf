using System.Globalization;
using Billing.Core.Invoicing;

namespace Billing.Documents;

/// <summary>
/// What an invoice's credit lines credit, as both documents state it: the invoices that billed the credited days
/// (distinct, in line order) and one sentence naming them and the reason — "Credit note for invoice INV-2026-000012
/// of 2026-01-01: unused time after a cancellation on 2026-02-15." A credit line is from a plan or quantity change
/// when the same subscription has a charge for the rest of that period starting the same day, otherwise from a
/// cancellation.
/// </summary>
internal sealed class CreditedInvoiceText
{
    private CreditedInvoiceText(IReadOnlyList<CreditedInvoice> invoices, string? note)
    {
        Invoices = invoices;
        Note = note;
    }

    /// <summary>The credited invoices, each once, every one with its number.</summary>
    public IReadOnlyList<CreditedInvoice> Invoices { get; }

    /// <summary>The sentence, or null when no line credits an earlier invoice.</summary>
    public string? Note { get; }

    /// <summary>"Credit note for invoice INV-…" (or "invoices … and …"); null when nothing is credited.</summary>
    public string? Heading { get; private init; }

    /// <exception cref="ArgumentException">A credited invoice has no number yet (the issuer resolves them before rendering).</exception>
    public static CreditedInvoiceText Of(Invoice invoice)
    {
        var credits = invoice.Lines.Where(l => l.CreditedInvoice is not null).ToList();
        if (credits.Count == 0)
        {
            return new CreditedInvoiceText([], null);
        }

        var invoices = new List<CreditedInvoice>();
        foreach (var reference in credits.Select(l => l.CreditedInvoice!))
        {
            if (reference.Number is not { } number || string.IsNullOrWhiteSpace(number))
            {
                throw new ArgumentException($"Invoice '{invoice.Id}' credits invoice '{reference.Id}', whose number is not known; resolve it before rendering.", nameof(invoice));
            }

            if (!invoices.Any(i => i.Id == reference.Id))
            {
                invoices.Add(new CreditedInvoice(reference.Id, number, reference.IssueDate));
            }
        }

        var named = Join(invoices.Select(i => $"{i.Number} of {Date(i.IssueDate)}").ToList());
        var heading = invoice.IsCreditNote
            ? $"Credit note for invoice{(invoices.Count > 1 ? "s" : "")} {Join(invoices.Select(i => i.Number).ToList())}"
            : null;
        var reasons = Join(credits.Select(line => Reason(invoice, line)).Distinct(StringComparer.Ordinal).ToList());
        var note = invoice.IsCreditNote
            ? $"Credit note for invoice{(invoices.Count > 1 ? "s" : "")} {named}: unused time after {reasons}."
            : $"Includes a credit for invoice{(invoices.Count > 1 ? "s" : "")} {named}: unused time after {reasons}.";
        return new CreditedInvoiceText(invoices, note) { Heading = heading };
    }

    private static string Reason(Invoice invoice, InvoiceLine credit)
    {
        var changed = invoice.Lines.Any(l => l.Kind == InvoiceLineKind.ProrationCharge
            && l.SubscriptionId == credit.SubscriptionId && l.PeriodStart == credit.PeriodStart);
        var day = credit.PeriodStart is { } start ? $" on {Date(start)}" : "";
        return (changed ? "a plan or quantity change" : "a cancellation") + day;
    }

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An invoice a credit note credits, with its number (BT-25) and issue date (BT-26): both known by the time it is rendered.</summary>
internal sealed record CreditedInvoice(string Id, string Number, DateOnly IssueDate);
