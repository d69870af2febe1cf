namespace Billing.Core.Invoicing;

/// <summary>A state change an invoice refuses (a programming error: callers decide against the version first).</summary>
public sealed class InvalidInvoiceChangeException(string invoiceId, string? number, string rule)
    : InvalidOperationException($"Invoice {number ?? invoiceId} ({invoiceId}) refuses the change: {rule}.")
{
    public string InvoiceId { get; } = invoiceId;
}
