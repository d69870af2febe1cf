using Billing.Core.Monetary;

namespace Billing.Core.Invoicing;

/// <summary>
/// One row of the VAT breakdown (EN 16931 BG-23): the sum of the net amounts of the lines of one category
/// and rate, and the VAT on that sum, rounded once (not the sum of per-line VAT).
/// </summary>
public sealed record VatSubtotal
{
    public required VatCategory Category { get; init; }

    public required decimal Rate { get; init; }

    public required Money TaxableAmount { get; init; }

    public required Money TaxAmount { get; init; }

    /// <summary>Why no VAT is charged (BT-120), for reverse charge and exempt.</summary>
    public string? ExemptionReason { get; init; }

    /// <summary>The VATEX code of the exemption (BT-121), e.g. VATEX-EU-AE.</summary>
    public string? ExemptionReasonCode { get; init; }
}
