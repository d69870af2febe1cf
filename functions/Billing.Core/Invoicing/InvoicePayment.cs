using Billing.Core.Monetary;

namespace Billing.Core.Invoicing;

/// <summary>A payment (or credit balance) applied to an invoice; kept so a replay recognises it and a return can undo it.</summary>
public sealed record InvoicePayment(string PaymentId, Money Amount, DateOnly Date);
