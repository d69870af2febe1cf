namespace Billing.Core.Accounts;

/// <summary>How VAT applies to an account's invoices.</summary>
public enum TaxTreatment
{
    /// <summary>The seller's domestic standard rate (EN 16931 category S).</summary>
    Domestic,

    /// <summary>EU intra-community B2B supply of services: no VAT charged, the buyer accounts for it
    /// (category AE, "Reverse charge"); the buyer's VAT id is required.</summary>
    ReverseCharge,

    /// <summary>Exempt from VAT (category E), with the exemption reason printed on the invoice.</summary>
    Exempt,
}
