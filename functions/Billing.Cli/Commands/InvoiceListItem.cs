using System.Globalization;
using Billing.Core.Invoicing;
using Billing.Core.Storage;

namespace Billing.Cli.Commands;

/// <summary>
/// One invoice as <c>billing invoices list --json</c> prints it. Amounts are decimal strings with the
/// currency's minor digits; <see cref="Pdf"/> and <see cref="Ubl"/> are blob addresses
/// (<c>invoices/&lt;account&gt;/&lt;number&gt;.pdf</c>).
/// </summary>
public sealed record InvoiceListItem(
    string? Number,
    string Id,
    string AccountId,
    string CustomerName,
    string Currency,
    string IssueDate,
    string DueDate,
    string Status,
    bool IsCreditNote,
    string NetTotal,
    string VatTotal,
    string Total,
    string AmountPaid,
    string AmountDue,
    string? CreditorReference,
    string PayeeIban,
    string? Pdf,
    string? Ubl,
    string? EmailedAt,
    IReadOnlyList<InvoiceListLine> Lines)
{
    public static InvoiceListItem From(Invoice invoice, BlobContainerOptions containers)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(containers);
        return new(
            invoice.Number,
            invoice.Id,
            invoice.AccountId,
            invoice.Buyer.LegalName,
            invoice.Currency.Code,
            Date(invoice.IssueDate),
            Date(invoice.DueDate),
            invoice.Status.ToString().ToLowerInvariant(),
            invoice.IsCreditNote,
            invoice.NetTotal.ToDecimalString(),
            invoice.VatTotal.ToDecimalString(),
            invoice.GrossTotal.ToDecimalString(),
            invoice.AmountPaid.ToDecimalString(),
            invoice.AmountDue.ToDecimalString(),
            invoice.CreditorReference,
            invoice.PayeeIban,
            invoice.PdfPath is null ? null : $"{containers.Invoices}/{invoice.PdfPath}",
            invoice.UblPath is null ? null : $"{containers.Invoices}/{invoice.UblPath}",
            invoice.EmailedAt?.ToString("O", CultureInfo.InvariantCulture),
            invoice.Lines.Select(InvoiceListLine.From).ToList());
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
