using System.Globalization;
using System.Text;
using Billing.Core.Monetary;

namespace Billing.Core.Formatting;

/// <summary>
/// How amounts, dates and IBANs read for a customer, in the customer's language: the one rule for everything a
/// customer reads (emails now; the PDF and the reports are to follow it). German (<c>de</c>) writes
/// <c>1.307,02 €</c> and <c>07.02.2026</c>; English, and any language without rules of its own, writes
/// <c>€1,307.02</c> and <c>7 Feb 2026</c>. The currency's minor unit decides the digits (JPY none, KWD three);
/// EUR, USD, GBP and JPY print their symbol, any other currency its ISO code (<c>CHF 1,307.02</c>,
/// <c>1.307,02 CHF</c>). An IBAN is written in upper case in groups of four in every language, as printed on the invoice.
/// </summary>
public sealed class CustomerFormat
{
    private static readonly Dictionary<string, string> s_symbols = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥",
    };

    private readonly NumberFormatInfo _numbers;
    private readonly bool _symbolFirst;
    private readonly string _dateFormat;

    private CustomerFormat(string language, string groupSeparator, string decimalSeparator, bool symbolFirst, string dateFormat)
    {
        Language = language;
        _numbers = new NumberFormatInfo { NumberGroupSeparator = groupSeparator, NumberDecimalSeparator = decimalSeparator, NegativeSign = "-" };
        _symbolFirst = symbolFirst;
        _dateFormat = dateFormat;
    }

    public static CustomerFormat English { get; } = new("en", ",", ".", symbolFirst: true, "d MMM yyyy");

    public static CustomerFormat German { get; } = new("de", ".", ",", symbolFirst: false, "dd.MM.yyyy");

    /// <summary>The ISO 639-1 language whose rules these are (<c>en</c> or <c>de</c>).</summary>
    public string Language { get; }

    /// <summary>The rules for <paramref name="language"/> (ISO 639-1, any case; a region such as <c>de-AT</c> counts as its language); English when there are none.</summary>
    public static CustomerFormat For(string? language) =>
        language is not null && (language.Equals("de", StringComparison.OrdinalIgnoreCase) || language.StartsWith("de-", StringComparison.OrdinalIgnoreCase))
            ? German
            : English;

    /// <summary>The amount rounded to its currency's minor unit, with separators and the currency where the language puts it.</summary>
    public string Money(Money money)
    {
        var rounded = money.Round();
        var digits = rounded.Amount < 0 ? Math.Abs(rounded.Amount) : rounded.Amount;
        var number = digits.ToString("N" + money.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), _numbers);
        var sign = rounded.IsNegative ? "-" : "";
        var code = money.Currency.Code;
        return (_symbolFirst, s_symbols.TryGetValue(code, out var symbol)) switch
        {
            (true, true) => $"{sign}{symbol}{number}",
            (true, false) => $"{sign}{code} {number}",
            (false, _) => $"{sign}{number} {symbol ?? code}",
        };
    }

    /// <summary>A calendar date as the language writes it.</summary>
    public string Date(DateOnly date) => date.ToString(_dateFormat, CultureInfo.InvariantCulture);

    /// <summary>The IBAN in upper case, in groups of four (<c>DE89 3704 0044 0532 0130 00</c>), whitespace in the input ignored.</summary>
    public static string Iban(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        var grouped = new StringBuilder(iban.Length + (iban.Length / 4));
        var count = 0;
        foreach (var c in iban)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (count > 0 && count % 4 == 0)
            {
                grouped.Append(' ');
            }

            grouped.Append(char.ToUpperInvariant(c));
            count++;
        }

        return grouped.ToString();
    }
}
