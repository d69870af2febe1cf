using System.Globalization;
using Billing.Core.Monetary;

namespace Billing.Documents.Reports;

/// <summary>
/// How report pages show figures: amounts with their currency's symbol (or code), thousands separators and exactly
/// the currency's minor digits; always the same characters whatever the host's culture, so a page is reproducible.
/// </summary>
public static class CurrencyDisplay
{
    private static readonly Dictionary<string, string> s_symbols = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥", ["CAD"] = "CA$", ["AUD"] = "A$", ["NZD"] = "NZ$",
        ["HKD"] = "HK$", ["SGD"] = "S$",
    };

    /// <summary>An invariant decimal string as an amount of <paramref name="currencyCode"/>: "€1,234.50", "-¥1,200", "CHF 12.00".</summary>
    public static string Amount(string value, string currencyCode)
    {
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return value;
        }

        var currency = Currency.FromCode(currencyCode);
        var digits = Math.Abs(Math.Round(amount, currency.MinorUnits, MidpointRounding.AwayFromZero))
            .ToString("N" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var sign = amount < 0m ? "-" : "";
        return s_symbols.TryGetValue(currency.Code, out var symbol) ? $"{sign}{symbol}{digits}" : $"{sign}{currency.Code} {digits}";
    }

    /// <summary>A count or other plain number with thousands separators.</summary>
    public static string Number(string value, int decimals = 0) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value;

    /// <summary>A chart axis label: 1.2k, 3.4M, at most one decimal.</summary>
    public static string Compact(decimal value)
    {
        var abs = Math.Abs(value);
        var (scaled, suffix) = abs switch
        {
            >= 1_000_000_000m => (value / 1_000_000_000m, "B"),
            >= 1_000_000m => (value / 1_000_000m, "M"),
            >= 1_000m => (value / 1_000m, "k"),
            _ => (value, ""),
        };
        return Math.Round(scaled, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + suffix;
    }
}
