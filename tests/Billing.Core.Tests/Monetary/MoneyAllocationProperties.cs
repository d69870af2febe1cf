using Billing.Core.Monetary;
using FsCheck;
using FsCheck.Fluent;

namespace Billing.Core.Tests.Monetary;

public sealed class MoneyAllocationProperties
{
    [Fact]
    public void Allocate_AnyAmountAndRatios_SharesSumToTheRoundedAmount()
    {
        var amounts = Gen.Choose(-10_000_000, 10_000_000).Select(cents => cents / 100m);
        var ratios = Gen.Choose(0, 1000).ArrayOf().Where(r => r.Length > 0 && r.Sum() > 0);

        Prop.ForAll(amounts.ToArbitrary(), ratios.ToArbitrary(), (amount, weights) =>
        {
            var money = Money.Of(amount, "EUR");
            var shares = money.Allocate(weights.Select(w => (decimal)w).ToArray());
            var sum = Money.Sum(shares, Currency.EUR);
            var spread = shares.Where((_, i) => weights[i] > 0).Select(s => s.Amount).DefaultIfEmpty(0m);
            return sum == money.Round() && shares.All(s => s.Amount == Math.Round(s.Amount, 2)) && shares.Length == weights.Length
                && shares.Where((_, i) => weights[i] == 0).All(s => s.IsZero || Math.Abs(s.Amount) == 0.01m);
        }).QuickCheckThrowOnFailure();
    }
}
