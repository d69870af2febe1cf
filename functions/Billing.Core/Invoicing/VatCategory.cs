namespace Billing.Core.Invoicing;

/// <summary>EN 16931 VAT category codes (UNCL 5305) the system issues.</summary>
public enum VatCategory
{
    /// <summary>S: standard rate.</summary>
    Standard,

    /// <summary>AE: reverse charge, rate 0, buyer liable.</summary>
    ReverseCharge,

    /// <summary>E: exempt from VAT, rate 0, reason required.</summary>
    Exempt,
}

public static class VatCategoryCodes
{
    /// <summary>The UNCL 5305 code of the category, as UBL writes it.</summary>
    public static string ToCode(this VatCategory category) => category switch
    {
        VatCategory.Standard => "S",
        VatCategory.ReverseCharge => "AE",
        VatCategory.Exempt => "E",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
