using Billing.Core.Monetary;

namespace Billing.Core.Invoicing;

/// <summary>
/// One line of an invoice. <see cref="NetAmount"/> is quantity × unit price × (for proration) the day
/// fraction, rounded to the currency's minor unit; it is negative for a credit. <see cref="Key"/> identifies
/// the charge it bills (subscription + period + kind), so no charge is ever billed twice.
/// </summary>
public sealed record InvoiceLine
{
    public required string Key { get; init; }

    public required InvoiceLineKind Kind { get; init; }

    public required string Description { get; init; }

    /// <summary>First day of service the line covers, if it covers a period.</summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>Last day of service the line covers (inclusive), if it covers a period.</summary>
    public DateOnly? PeriodEnd { get; init; }

    public required decimal Quantity { get; init; }

    public required Money UnitPrice { get; init; }

    public required Money NetAmount { get; init; }

    public required VatCategory VatCategory { get; init; }

    /// <summary>VAT rate in percent (0 for reverse charge and exempt).</summary>
    public required decimal VatRate { get; init; }

    public string? SubscriptionId { get; init; }

    public string? PlanId { get; init; }

    /// <summary>
    /// For a proration or cancellation credit: the invoice that billed the credited days (EN 16931 BG-3, preceding
    /// invoice reference BT-25/BT-26). Its number is filled once that invoice has one.
    /// </summary>
    public InvoiceReference? CreditedInvoice { get; init; }
}
