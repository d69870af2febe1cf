using Billing.Core.Invoicing;

namespace Billing.Core.Tests.Invoicing;

public sealed class ProrationTests
{
    [Theory]
    [InlineData("2026-02-01", "2026-03-01", "2026-02-15", 14, 28)] // half of February
    [InlineData("2028-02-01", "2028-03-01", "2028-02-15", 15, 29)] // leap February
    [InlineData("2026-01-31", "2026-02-28", "2026-02-27", 1, 28)]  // last day of a clamped period
    [InlineData("2026-03-01", "2026-04-01", "2026-03-01", 31, 31)] // same-day change: everything remains
    [InlineData("2026-03-01", "2026-04-01", "2026-04-01", 0, 31)]  // at the end: nothing remains
    [InlineData("2026-01-01", "2027-01-01", "2026-07-01", 184, 365)] // yearly
    public void RemainingFraction_CountsCalendarDays(string start, string end, string from, int remaining, int total) =>
        Assert.Equal((decimal)remaining / total, Proration.RemainingFraction(DateOnly.Parse(start), DateOnly.Parse(end), DateOnly.Parse(from)));

    [Fact]
    public void RemainingFraction_OutsideThePeriod_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Proration.RemainingFraction(new(2026, 3, 1), new(2026, 4, 1), new(2026, 4, 2)));
}
