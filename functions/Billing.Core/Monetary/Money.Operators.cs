namespace Billing.Core.Monetary;

public readonly partial struct Money
{
    public static Money operator +(Money left, Money right)
    {
        left.EnsureSameCurrency(right);
        return new(checked(left.Amount + right.Amount), left.Currency);
    }

    public static Money operator -(Money left, Money right)
    {
        left.EnsureSameCurrency(right);
        return new(checked(left.Amount - right.Amount), left.Currency);
    }

    public static Money operator -(Money value) => value.Negate();

    public static Money operator *(Money money, decimal factor) => new(checked(money.Amount * factor), money.Currency);

    public static Money operator *(decimal factor, Money money) => money * factor;

    public static bool operator ==(Money left, Money right) => left.Equals(right);

    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public static Money Min(Money left, Money right) => left <= right ? left : right;

    public static Money Max(Money left, Money right) => left >= right ? left : right;

    /// <summary>Sums amounts of one currency; an empty sequence sums to zero of <paramref name="currency"/>.</summary>
    public static Money Sum(IEnumerable<Money> amounts, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero(currency);
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }
}
