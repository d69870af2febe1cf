using Billing.Core.Accounts;

namespace Billing.Cli.Demo;

/// <summary>A kind of demo customer: country, billing currency, VAT treatment, and how its VAT id looks.</summary>
public sealed record DemoCustomerKind(string CountryCode, string Currency, TaxTreatment TaxTreatment, string LegalSuffix, string? ExemptionReason = null)
{
    public static readonly DemoCustomerKind GermanDomestic = new("DE", "EUR", TaxTreatment.Domestic, "GmbH");
    public static readonly DemoCustomerKind GermanExempt = new("DE", "EUR", TaxTreatment.Exempt, "gGmbH", "VAT exempt under § 4 No. 21 UStG (educational services)");
    public static readonly DemoCustomerKind French = new("FR", "EUR", TaxTreatment.ReverseCharge, "SAS");
    public static readonly DemoCustomerKind Dutch = new("NL", "EUR", TaxTreatment.ReverseCharge, "B.V.");
    public static readonly DemoCustomerKind Austrian = new("AT", "EUR", TaxTreatment.ReverseCharge, "GmbH");
    public static readonly DemoCustomerKind Swedish = new("SE", "SEK", TaxTreatment.ReverseCharge, "AB");
    public static readonly DemoCustomerKind American = new("US", "USD", TaxTreatment.Exempt, "Inc.", OutsideEu);
    public static readonly DemoCustomerKind British = new("GB", "GBP", TaxTreatment.Exempt, "Ltd", OutsideEu);
    public static readonly DemoCustomerKind Swiss = new("CH", "CHF", TaxTreatment.Exempt, "AG", OutsideEu);

    /// <summary>A German public body: receives XRechnung through its Leitweg-ID.</summary>
    public static readonly DemoCustomerKind GermanPublic = new("DE", "EUR", TaxTreatment.Domestic, "");

    private const string OutsideEu = "Not subject to German VAT: business customer outside the EU (§ 3a (2) UStG)";

    /// <summary>The first accounts cover every kind, so even a tiny demo shows each case.</summary>
    public static IReadOnlyList<DemoCustomerKind> Showcase { get; } = [GermanDomestic, French, GermanExempt, American, British, Swiss, Swedish, Dutch, Austrian, GermanPublic];

    /// <summary>Mostly German customers billed in EUR; some EU reverse charge; a few outside the EU and exempt.</summary>
    public static DemoCustomerKind Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(100) switch
        {
            < 55 => GermanDomestic,
            < 61 => French,
            < 66 => Dutch,
            < 70 => Austrian,
            < 73 => GermanExempt,
            < 81 => American,
            < 88 => British,
            < 94 => Swiss,
            _ => Swedish,
        };
    }
}
