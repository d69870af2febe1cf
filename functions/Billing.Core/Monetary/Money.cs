using System.Globalization;
using System.Text.Json.Serialization;
using Billing.Core.Serialization;

namespace Billing.Core.Monetary;

/// <summary>
/// An exact amount of one currency. Amounts are <see cref="decimal"/>; arithmetic between two amounts
/// requires the same currency and throws <see cref="CurrencyMismatchException"/> otherwise. An amount may
/// carry more digits than the currency's minor unit while it is being computed (unit price × quantity ×
/// proration factor); <see cref="Round"/> brings it to the minor unit, half away from zero, which is how
/// every amount on an invoice is stated. <c>default(Money)</c> has no currency and is not a valid value.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>
{
    private readonly Currency? _currency;

    public Money(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        Amount = amount;
        _currency = currency;
    }

    public decimal Amount { get; }

    public Currency Currency => _currency ?? throw new InvalidOperationException("default(Money) has no currency.");

    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money Of(decimal amount, string currencyCode) => new(amount, Currency.FromCode(currencyCode));

    /// <summary>Builds an amount from an integer count of minor units (cents, öre, yen).</summary>
    public static Money FromMinorUnits(long minorUnits, Currency currency) =>
        new(minorUnits / currency.MinorUnitFactor, currency);

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public bool IsPositive => Amount > 0m;

    /// <summary>The amount rounded to the currency's minor unit, half away from zero.</summary>
    public Money Round() => new(Math.Round(Amount, Currency.MinorUnits, MidpointRounding.AwayFromZero), Currency);

    /// <summary>The rounded amount as an integer count of minor units.</summary>
    public long ToMinorUnits() => checked((long)(Round().Amount * Currency.MinorUnitFactor));

    public Money Abs() => new(Math.Abs(Amount), Currency);

    public Money Negate() => new(-Amount, Currency);

    /// <summary>The amount as an invariant decimal string with exactly the currency's minor digits (e.g. "12.30").</summary>
    public string ToDecimalString() =>
        Round().Amount.ToString("F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public override string ToString() => $"{ToDecimalString()} {Currency.Code}";

    public bool Equals(Money other) => Amount == other.Amount && _currency == other._currency;

    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Amount, _currency);

    public int CompareTo(Money other)
    {
        EnsureSameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    private void EnsureSameCurrency(Money other)
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency);
        }
    }
}
