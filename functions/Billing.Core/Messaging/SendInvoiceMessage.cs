namespace Billing.Core.Messaging;

/// <summary>Email the issued invoice <see cref="InvoiceId"/> of <see cref="AccountId"/>.</summary>
public sealed record SendInvoiceMessage(string AccountId, string InvoiceId);
