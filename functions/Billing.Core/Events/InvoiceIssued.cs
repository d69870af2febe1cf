using Billing.Core.Invoicing;

namespace Billing.Core.Events;

/// <summary>The payload of the <c>InvoiceIssued</c> event.</summary>
public sealed record InvoiceIssued(
    string InvoiceId, string Number, string AccountId, string Currency, string GrossTotal, string AmountDue, DateOnly IssueDate, DateOnly DueDate, bool IsCreditNote)
{
    public static InvoiceIssued From(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(invoice.Id, invoice.Number ?? "", invoice.AccountId, invoice.Currency.Code, invoice.GrossTotal.ToDecimalString(),
            invoice.AmountDue.ToDecimalString(), invoice.IssueDate, invoice.DueDate, invoice.IsCreditNote);
    }
}
