using Billing.Core.Monetary;
using FsCheck;
using FsCheck.Fluent;

namespace Billing.Core.Tests.Monetary;

public sealed class MoneyAllocationProperties
{
    private static readonly Gen<decimal> Amounts = Gen.Choose(-10_000_000, 10_000_000).Select(cents => cents / 100m);

    // Zeros are frequent on purpose: a zero ratio is the case the leftover cents must skip.
    private static readonly Gen<int[]> Ratios = Gen.Frequency(
            (1, Gen.Constant(0)),
            (3, Gen.Choose(1, 1000)))
        .ArrayOf()
        .Where(r => r.Length > 0 && r.Sum() > 0);

    [Fact]
    public void Allocate_AnyAmountAndRatios_SharesSumToTheRoundedAmount()
    {
        Prop.ForAll(Amounts.ToArbitrary(), Ratios.ToArbitrary(), (amount, weights) =>
        {
            var money = Money.Of(amount, "EUR");
            var shares = money.Allocate(weights.Select(w => (decimal)w).ToArray());

            return Money.Sum(shares, Currency.EUR) == money.Round()
                && shares.Length == weights.Length
                && shares.All(s => s.Amount == Math.Round(s.Amount, 2));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Allocate_ZeroRatio_GetsNothing()
    {
        Prop.ForAll(Amounts.ToArbitrary(), Ratios.ToArbitrary(), (amount, weights) =>
        {
            var shares = Money.Of(amount, "EUR").Allocate(weights.Select(w => (decimal)w).ToArray());

            return shares.Where((_, i) => weights[i] == 0).All(s => s.IsZero);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Allocate_EachShare_IsWithinOneCentOfItsExactProportion()
    {
        Prop.ForAll(Amounts.ToArbitrary(), Ratios.ToArbitrary(), (amount, weights) =>
        {
            var money = Money.Of(amount, "EUR");
            var shares = money.Allocate(weights.Select(w => (decimal)w).ToArray());
            var total = weights.Sum();

            return shares.Select((s, i) => Math.Abs(s.Amount - (money.Round().Amount * weights[i] / total))).All(d => d < 0.01m)
                && shares.All(s => s.IsZero || Math.Sign(s.Amount) == Math.Sign(amount));
        }).QuickCheckThrowOnFailure();
    }
}
