using Billing.Core.Invoicing;

namespace Billing.Documents.Pdf;

/// <summary>
/// What happened to a settled credit note's credit, in the words the PDF and the UBL payment note use: which invoices it
/// was set against and how much, and what is kept as credit (used on the next invoice, or refunded on request).
/// </summary>
public static class CreditNoteSettlementText
{
    public static string Describe(Invoice creditNote)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        var parts = new List<string>();
        if (creditNote.Settlements.Count > 0)
        {
            parts.Add($"The credit of {InvoiceText.Amount(creditNote.Credit)} was set against "
                + string.Join(", ", creditNote.Settlements.Select(s => $"{s.InvoiceNumber} ({InvoiceText.Amount(s.Amount)})")) + ".");
        }

        if (creditNote.KeptAsCredit is { IsPositive: true } kept)
        {
            parts.Add(creditNote.Settlements.Count > 0
                ? $"The remaining {InvoiceText.Amount(kept)} is kept as credit on your account: it is set against your next invoice, or refunded to you on request."
                : $"The credit of {InvoiceText.Amount(kept)} is kept on your account: it is set against your next invoice, or refunded to you on request.");
        }

        return string.Join(" ", parts);
    }
}
