using System.Globalization;
using System.Text;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;

namespace Billing.Documents.Pdf;

/// <summary>
/// How values read on the printed invoice: invariant culture, amounts with the currency's minor digits,
/// thousands separators and the ISO code ("1,234.50 EUR", "12,345 JPY"), dates as ISO 8601, IBANs in groups of four.
/// </summary>
internal static class InvoiceText
{
    private static readonly string[] s_amountFormats = ["N0", "N1", "N2", "N3", "N4"];

    public static string Amount(Money money)
    {
        var rounded = money.Round();
        return rounded.Amount.ToString(s_amountFormats[money.Currency.MinorUnits], CultureInfo.InvariantCulture) + " " + money.Currency.Code;
    }

    /// <summary>A unit price keeps the digits it was set with, but never fewer than the currency's minor unit.</summary>
    public static string UnitPrice(Money price)
    {
        var digits = Math.Max(price.Currency.MinorUnits, DecimalPlaces(price.Amount));
        return price.Amount.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + price.Currency.Code;
    }

    public static string Quantity(decimal quantity) => quantity.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Rate(decimal rate) => rate.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Period(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } s, { } e) => $"{Date(s)} – {Date(e)}",
        ({ } s, null) => $"from {Date(s)}",
        (null, { } e) => $"until {Date(e)}",
        _ => "",
    };

    public static string Category(VatCategory category) => category switch
    {
        VatCategory.Standard => "Standard rate (S)",
        VatCategory.ReverseCharge => "Reverse charge (AE)",
        VatCategory.Exempt => "Exempt (E)",
        _ => category.ToCode(),
    };

    /// <summary>The IBAN in its printed form: upper case, in groups of four (DE89 3704 0044 0532 0130 00).</summary>
    public static string Iban(string iban)
    {
        var builder = new StringBuilder(iban.Length + (iban.Length / 4));
        foreach (var c in iban)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (builder.Length > 0 && (builder.Length + 1) % 5 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    // Dividing by 1 with many zero decimals drops trailing zeros (10.500 → 10.5), leaving the significant scale.
    private static int DecimalPlaces(decimal value) => (value / 1.000000000000000000000000000000000m).Scale;
}
