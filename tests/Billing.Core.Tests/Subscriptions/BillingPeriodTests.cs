using Billing.Core.Subscriptions;

namespace Billing.Core.Tests.Subscriptions;

public sealed class BillingPeriodTests
{
    [Theory]
    [InlineData("2026-01-31", 1, 1, "2026-02-28", "2026-03-31")] // Jan 31 + 1 month is Feb 28
    [InlineData("2028-01-31", 1, 1, "2028-02-29", "2028-03-31")] // leap year: Feb 29
    [InlineData("2026-01-31", 1, 3, "2026-04-30", "2026-05-31")] // never drifts to the 28th
    [InlineData("2026-01-15", 3, 1, "2026-04-15", "2026-07-15")] // quarterly
    [InlineData("2028-02-29", 12, 1, "2029-02-28", "2030-02-28")] // yearly from a leap day
    [InlineData("2028-02-29", 12, 4, "2032-02-29", "2033-02-28")]
    public void Of_AnchoredToTheStart_ClampsToShortMonths(string anchor, int months, int index, string start, string end)
    {
        var period = BillingPeriod.Of(DateOnly.Parse(anchor), months, index);

        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-03-01", "2026-02-28")]
    [InlineData("2026-01-31", "2026-02-27", "2026-01-31")]
    [InlineData("2026-01-31", "2026-03-31", "2026-03-31")]
    [InlineData("2026-01-01", "2026-12-31", "2026-12-01")]
    public void Containing_FindsThePeriodOfADate(string anchor, string date, string expectedStart) =>
        Assert.Equal(DateOnly.Parse(expectedStart), BillingPeriod.Containing(DateOnly.Parse(anchor), 1, DateOnly.Parse(date)).Start);

    [Fact]
    public void Days_FebruaryOfALeapYear_Is29() =>
        Assert.Equal(29, BillingPeriod.Of(new DateOnly(2028, 2, 1), 1, 0).Days);
}
