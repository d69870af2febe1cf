using Billing.Core.Monetary;

namespace Billing.Core.Invoicing;

/// <summary>
/// Something to bill, before it is on an invoice: what, for which days, how many, at what unit price, and on
/// which <see cref="Date"/> it becomes billable. <see cref="Key"/> is unique per charge and deterministic,
/// so the billing run recognises what it already billed.
/// </summary>
public sealed record Charge
{
    public required string Key { get; init; }

    public required DateOnly Date { get; init; }

    public required InvoiceLineKind Kind { get; init; }

    public required string Description { get; init; }

    public DateOnly? PeriodStart { get; init; }

    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Negative for credits.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Already rounded to the minor unit (prorated where the charge is partial).</summary>
    public required Money UnitPrice { get; init; }

    public string? SubscriptionId { get; init; }

    public string? PlanId { get; init; }

    /// <summary>For a credit: the key of the charge that billed the credited terms (the period's recurring charge or an earlier change's charge).</summary>
    public string? CreditedChargeKey { get; init; }

    public Money NetAmount => (UnitPrice * Quantity).Round();
}
