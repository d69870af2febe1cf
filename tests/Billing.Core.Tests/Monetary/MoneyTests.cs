using Billing.Core.Monetary;

namespace Billing.Core.Tests.Monetary;

public sealed class MoneyTests
{
    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        var euros = Money.Of(1m, "EUR");
        var dollars = Money.Of(1m, "USD");

        var error = Assert.Throws<CurrencyMismatchException>(() => euros + dollars);

        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_DifferentCurrencies_Throws() =>
        Assert.Throws<CurrencyMismatchException>(() => Money.Of(1m, "EUR") < Money.Of(2m, "GBP"));

    [Theory]
    [InlineData("EUR", 2.345, "2.35")]
    [InlineData("EUR", -2.345, "-2.35")]
    [InlineData("EUR", 2.344, "2.34")]
    [InlineData("JPY", 100.5, "101")]
    [InlineData("KWD", 1.0005, "1.001")]
    public void Round_HalfAwayFromZero_ToMinorUnit(string currency, double amount, string expected) =>
        Assert.Equal(expected, Money.Of((decimal)amount, currency).ToDecimalString());

    [Fact]
    public void Add_Overflow_Throws() =>
        Assert.Throws<OverflowException>(() => Money.Of(decimal.MaxValue, "EUR") + Money.Of(1m, "EUR"));

    [Theory]
    [InlineData(100.00, 3, new[] { "33.34", "33.33", "33.33" })]
    [InlineData(-100.00, 3, new[] { "-33.34", "-33.33", "-33.33" })]
    [InlineData(0.05, 4, new[] { "0.02", "0.01", "0.01", "0.01" })]
    [InlineData(0.00, 2, new[] { "0.00", "0.00" })]
    public void Split_NeverLosesACent(double amount, int parts, string[] expected)
    {
        var money = Money.Of((decimal)amount, "EUR");

        var shares = money.Split(parts);

        Assert.Equal(expected, shares.Select(s => s.ToDecimalString()));
        Assert.Equal(money.Round(), Money.Sum(shares, Currency.EUR));
    }

    [Fact]
    public void Allocate_ByRatio_GivesLeftoverToLargestFractions()
    {
        var shares = Money.Of(10m, "EUR").Allocate(1m, 1m, 1m, 7m);

        Assert.Equal(new[] { "1.00", "1.00", "1.00", "7.00" }, shares.Select(s => s.ToDecimalString()));
    }

    [Fact]
    public void Allocate_Yen_UsesWholeYen()
    {
        var shares = Money.Of(1000m, "JPY").Split(3);

        Assert.Equal(new[] { "334", "333", "333" }, shares.Select(s => s.ToDecimalString()));
    }

    [Fact]
    public void Allocate_NegativeRatio_Throws() =>
        Assert.Throws<ArgumentException>(() => Money.Of(10m, "EUR").Allocate(1m, -1m));

    [Fact]
    public void FromCode_Unknown_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Currency.FromCode("XYZ"));

        Assert.Contains("XYZ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrip_KeepsAmountAsDecimalString()
    {
        var money = Money.Of(1234.5m, "CHF");

        var json = Serialization.BillingJson.Serialize(money);

        Assert.Equal("""{"amount":"1234.5","currency":"CHF"}""", json);
        Assert.Equal(money, Serialization.BillingJson.Deserialize<Money>(json));
    }
}
