using Billing.Core.Dunning;
using Billing.Core.Monetary;

namespace Billing.Core.Tests.Dunning;

public sealed class DunningPolicyTests
{
    private static readonly DateOnly s_due = new(2026, 3, 10);

    [Theory]
    [InlineData("2026-03-06", 0)]
    [InlineData("2026-03-07", 1)]
    [InlineData("2026-03-12", 1)]
    [InlineData("2026-03-13", 2)]
    [InlineData("2026-03-24", 3)]
    [InlineData("2026-04-09", 4)]
    [InlineData("2026-04-24", 5)]
    [InlineData("2027-01-01", 5)]
    public void ReachedStage_DefaultLadder_IsHighestStageOnOrBeforeTheDay(string asOf, int expected) =>
        Assert.Equal(expected, DunningPolicy.Default().ReachedStage(s_due, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void StageDate_MonthEnd_IsPlainDayArithmetic()
    {
        var policy = DunningPolicy.Default();

        Assert.Equal(new DateOnly(2026, 3, 2), policy.StageDate(new DateOnly(2026, 1, 31), 4));
        Assert.Equal(new DateOnly(2028, 3, 1), policy.StageDate(new DateOnly(2028, 1, 31), 4));
        Assert.Equal(new DateOnly(2026, 2, 25), policy.StageDate(new DateOnly(2026, 2, 28), 1));
    }

    [Fact]
    public void StageDate_WeekendsCountByDefault()
    {
        // Due Wed 2026-03-11: +3 is Saturday 2026-03-14.
        Assert.Equal(new DateOnly(2026, 3, 14), DunningPolicy.Default().StageDate(new DateOnly(2026, 3, 11), 2));
    }

    [Theory]
    [InlineData("2026-03-11", 2, "2026-03-16")]
    [InlineData("2026-03-12", 2, "2026-03-16")]
    [InlineData("2026-03-13", 2, "2026-03-16")]
    [InlineData("2026-03-10", 2, "2026-03-13")]
    public void StageDate_SkipWeekends_MovesSaturdayAndSundayToMonday(string due, int stage, string expected)
    {
        var policy = DunningPolicy.Default();
        policy.SkipWeekends = true;

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), policy.StageDate(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), stage));
    }

    [Fact]
    public void Problem_StagesOutOfOrder_NamesTheStage()
    {
        var policy = new DunningPolicy { Stages = [new() { Day = 10 }, new() { Day = 5 }] };

        Assert.Contains("stage 2 (day 5)", policy.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_LateFeeStageWithoutFee_IsRejected()
    {
        var policy = new DunningPolicy { Stages = [new() { Day = 10, Action = DunningAction.LateFee }] };

        Assert.Contains("late fee", policy.Problem(), StringComparison.Ordinal);
        Assert.Null(DunningPolicy.Default().Problem());
    }

    [Theory]
    [InlineData("100", null, "1", "5", "5.00")]
    [InlineData("1000", null, "1", "5", "10.00")]
    [InlineData("1234.56", null, "2.5", "0", "30.86")]
    [InlineData("1000", "40", null, "0", "40.00")]
    public void LateFee_PercentWithMinimumOrFixed(string due, string? fixedFee, string? percent, string minimum, string expected)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var fee = new LateFee { Fixed = fixedFee is null ? null : D(fixedFee), Percent = percent is null ? null : D(percent), Minimum = D(minimum) };

        Assert.Equal(expected, fee.For(Money.Of(D(due), "EUR")).ToDecimalString());
    }
}
