namespace Billing.Core.Issuing;

/// <summary>An invoice cannot be emailed (yet): it does not exist, or it has no number or documents.</summary>
public sealed class InvoiceNotIssuedException(string accountId, string invoiceId, string why)
    : InvalidOperationException($"Invoice {invoiceId} of account {accountId} cannot be emailed: {why}.")
{
    public string InvoiceId { get; } = invoiceId;
}
