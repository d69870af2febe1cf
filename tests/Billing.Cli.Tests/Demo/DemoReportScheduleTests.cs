using System.Text.RegularExpressions;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Demo;

/// <summary>The README's demo publishes the reports as the SnapshotReports timer would: each period close under its date.</summary>
public sealed class DemoReportScheduleTests(DemoQuarterFixture demo) : IClassFixture<DemoQuarterFixture>
{
    [Theory]
    [InlineData("2026-02-01", "2026-01")]
    [InlineData("2026-03-01", "2026-02")]
    [InlineData("2026-03-31", "2026-03")]
    public void Demo_ThreeMonths_LeavesTheCloseOfEachMonthUnderItsDate(string date, string month)
    {
        Assert.True(demo.Demo.ExitCode == 0, demo.Demo.Error);
        var page = Path.Combine(demo.Reports, date, "close-month.html");

        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.Contains($"billing report {month}", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(demo.Reports, date, "close-month.json")));
    }

    [Fact]
    public void Demo_ThreeMonths_ClosesTheFirstQuarterOnItsLastDay_AndNoOtherQuarter()
    {
        var quarters = Directory.GetFiles(demo.Reports, "close-quarter.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(demo.Reports, f))
            .Order(StringComparer.Ordinal);

        Assert.Equal([Path.Combine("2026-03-31", "close-quarter.html"), Path.Combine("latest", "close-quarter.html")], quarters);
        Assert.Contains("billing report 2026-Q1", File.ReadAllText(Path.Combine(demo.Reports, "2026-03-31", "close-quarter.html")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(demo.Reports, "close-year.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Demo_ThreeMonths_PublishesOnlyOnCloseDaysAndTheLastDay()
    {
        var dates = Directory.GetDirectories(demo.Reports).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["2026-02-01", "2026-03-01", "2026-03-31", "latest"], dates);
    }

    [Theory]
    [InlineData("close-month")]
    [InlineData("close-quarter")]
    [InlineData("aging")]
    public void Demo_ThreeMonths_LatestHoldsTheNewestOfEach(string report)
    {
        var latest = File.ReadAllText(Path.Combine(demo.Reports, "latest", report + ".json"));

        Assert.Equal(File.ReadAllText(Path.Combine(demo.Reports, "2026-03-31", report + ".json")), latest);
    }

    [Theory]
    [InlineData("2026-03-31", new[] { "close-month.html", "close-quarter.html" })]
    [InlineData("2026-02-01", new[] { "close-month.html" })]
    [InlineData("latest", new[] { "close-month.html", "close-quarter.html" })]
    public void IndexOfACloseDate_LinksThePeriodClosePagesBeforeTheDailySnapshots(string date, string[] closes)
    {
        var index = File.ReadAllText(Path.Combine(demo.Reports, date, "index.html"));
        var daily = index.IndexOf("href=\"aging.html\"", StringComparison.Ordinal);

        Assert.Contains("<h2>Period close</h2>", index, StringComparison.Ordinal);
        Assert.True(daily > 0, "the index links no aging page");
        Assert.All(closes, close =>
        {
            var link = index.IndexOf($"href=\"{close}\"", StringComparison.Ordinal);
            Assert.InRange(link, 0, daily);
        });
        Assert.True(index.IndexOf("<h2>Period close</h2>", StringComparison.Ordinal) < index.IndexOf("<h2>Daily snapshots</h2>", StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_WhereToLook_NamesTheQuarterAndEachMonthClose()
    {
        string Line(string label, string date, string file, string period) =>
            $"  {label,-17} {Path.Combine(demo.Reports, date, file)} ({period})";

        Assert.Contains(Line("quarter close", "2026-03-31", "close-quarter.html", "2026-Q1"), demo.Demo.Out, StringComparison.Ordinal);
        Assert.Contains(Line("month close", "2026-02-01", "close-month.html", "2026-01"), demo.Demo.Out, StringComparison.Ordinal);
        Assert.Contains(Line("month close", "2026-03-01", "close-month.html", "2026-02"), demo.Demo.Out, StringComparison.Ordinal);
        Assert.Contains(Line("month close", "2026-03-31", "close-month.html", "2026-03"), demo.Demo.Out, StringComparison.Ordinal);
        Assert.Contains("Published the reports on 3 days (2026-02-01, 2026-03-01, 2026-03-31); period closes: 2026-01, 2026-02, 2026-03, 2026-Q1.", demo.Demo.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Timings_KeepReportsAsTheirOwnStage()
    {
        Assert.Matches(new Regex(@"^reports\s+\d+\.\d\d\s*$", RegexOptions.Multiline), demo.Demo.Out.Replace("\r", "", StringComparison.Ordinal));
    }
}
