using System.Collections.Frozen;
using System.Text.Json.Serialization;
using Billing.Core.Serialization;

namespace Billing.Core.Monetary;

/// <summary>
/// An ISO 4217 currency and the number of digits of its minor unit (2 for EUR, 0 for JPY).
/// Only currencies listed here exist: an unknown code is rejected where it enters.
/// </summary>
[JsonConverter(typeof(CurrencyJsonConverter))]
public sealed class Currency : IEquatable<Currency>
{
    private static readonly FrozenDictionary<string, Currency> s_byCode = new Currency[]
    {
        new("EUR", 2, "Euro"), new("USD", 2, "US Dollar"), new("GBP", 2, "Pound Sterling"),
        new("CHF", 2, "Swiss Franc"), new("SEK", 2, "Swedish Krona"), new("NOK", 2, "Norwegian Krone"),
        new("DKK", 2, "Danish Krone"), new("PLN", 2, "Zloty"), new("JPY", 0, "Yen"),
        new("CZK", 2, "Czech Koruna"), new("HUF", 2, "Forint"), new("RON", 2, "Romanian Leu"),
        new("CAD", 2, "Canadian Dollar"), new("AUD", 2, "Australian Dollar"), new("NZD", 2, "New Zealand Dollar"),
        new("TRY", 2, "Turkish Lira"), new("ISK", 0, "Iceland Krona"), new("KWD", 3, "Kuwaiti Dinar"),
        new("BHD", 3, "Bahraini Dinar"), new("SGD", 2, "Singapore Dollar"), new("HKD", 2, "Hong Kong Dollar"),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    public static readonly Currency EUR = s_byCode["EUR"];
    public static readonly Currency USD = s_byCode["USD"];
    public static readonly Currency GBP = s_byCode["GBP"];
    public static readonly Currency CHF = s_byCode["CHF"];
    public static readonly Currency JPY = s_byCode["JPY"];

    private Currency(string code, int minorUnits, string name)
    {
        Code = code;
        MinorUnits = minorUnits;
        Name = name;
        MinorUnitFactor = (decimal)Math.Pow(10, minorUnits);
    }

    /// <summary>The three-letter ISO 4217 code, upper case.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point in this currency's smallest unit.</summary>
    public int MinorUnits { get; }

    public string Name { get; }

    /// <summary>10 to the power of <see cref="MinorUnits"/>: how many minor units make one major unit.</summary>
    public decimal MinorUnitFactor { get; }

    public static IEnumerable<Currency> All => s_byCode.Values;

    /// <summary>The currency with this ISO 4217 code (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The code is not a known ISO 4217 currency.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a supported ISO 4217 currency code.", nameof(code));
    }

    public static bool TryFromCode(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is not null && s_byCode.TryGetValue(code.Trim().ToUpperInvariant(), out currency);
    }

    public bool Equals(Currency? other) => other is not null && other.Code == Code;

    public override bool Equals(object? obj) => Equals(obj as Currency);

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Code;

    public static bool operator ==(Currency? left, Currency? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(Currency? left, Currency? right) => !(left == right);
}
