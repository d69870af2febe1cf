using Billing.Core.Reporting;

namespace Billing.Core.Tests.Reporting;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-03-15", 1, "")]
    [InlineData("2026-03-01", 1, "2026-02")]
    [InlineData("2026-04-01", 1, "2026-03 2026-Q1")]
    [InlineData("2027-01-01", 1, "2026-12 2026-Q4 2026")]
    [InlineData("2026-04-03", 3, "2026-03 2026-Q1")]
    [InlineData("2026-03-01", 0, "")]
    [InlineData("2026-02-28", 0, "2026-02")]
    public void ClosingOn_Date_GivesThePeriodsThatEndedDelayDaysBefore(string asOf, int delay, string expected) =>
        Assert.Equal(expected, string.Join(' ', ReportPeriod.ClosingOn(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), delay).Select(p => p.Label)));

    [Fact]
    public void ClosingOn_QuarterEnd_SpansThreeMonths()
    {
        var quarter = ReportPeriod.ClosingOn(new DateOnly(2026, 7, 1), 1).Single(p => p.Kind == PeriodKind.Quarter);

        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)), (quarter.Start, quarter.End));
    }

    [Fact]
    public void Constructor_EndBeforeStart_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new ReportPeriod(PeriodKind.Month, new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1)));

    [Theory]
    [InlineData(-5, AgingBucket.Current)]
    [InlineData(0, AgingBucket.Current)]
    [InlineData(1, AgingBucket.Days1To30)]
    [InlineData(30, AgingBucket.Days1To30)]
    [InlineData(31, AgingBucket.Days31To60)]
    [InlineData(60, AgingBucket.Days31To60)]
    [InlineData(61, AgingBucket.Days61To90)]
    [InlineData(90, AgingBucket.Days61To90)]
    [InlineData(91, AgingBucket.Over90)]
    public void AgingBucket_DaysPastDue_FallsInItsBucket(int days, AgingBucket expected) =>
        Assert.Equal(expected, AgingBuckets.Of(days));
}
