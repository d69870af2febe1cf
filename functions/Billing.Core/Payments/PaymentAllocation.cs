using Billing.Core.Monetary;

namespace Billing.Core.Payments;

/// <summary>The part of a payment applied to one invoice.</summary>
public sealed record PaymentAllocation(string InvoiceId, string InvoiceNumber, Money Amount);
