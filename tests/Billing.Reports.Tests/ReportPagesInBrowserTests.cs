using Billing.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Billing.Reports.Tests;

/// <summary>
/// Opens every published page from disk (file://) in headless Chromium: no console error, no request leaves the file,
/// every chart draws shapes with a size. One screenshot per page lands in /tmp/billing-report-screenshots for a look.
/// </summary>
public sealed class ReportPagesInBrowserTests(ChromiumBrowser chromium, PublishedReports reports, ITestOutputHelper output)
    : IClassFixture<ChromiumBrowser>, IClassFixture<PublishedReports>
{
    private const string ScreenshotFolder = "/tmp/billing-report-screenshots";

    public static TheoryData<string> Pages => new()
    {
        "2026-04-01/index.html", "2026-04-01/aging.html", "2026-04-01/revenue.html", "2026-04-01/cash.html", "2026-04-01/dunning.html",
        "2026-04-01/unapplied.html", "2026-04-01/close-month.html", "2026-04-01/close-quarter.html", "latest/index.html", "latest/aging.html",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_OpenedFromDisk_HasNoErrorsAndNoOutsideRequests(string page)
    {
        var browser = BrowserOrSkip();
        if (browser is null)
        {
            return;
        }

        var errors = new List<string>();
        var requests = new List<string>();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var tab = await context.NewPageAsync();
        tab.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add($"{message.Type}: {message.Text}");
            }
        };
        tab.PageError += (_, error) => errors.Add($"page error: {error}");
        tab.Request += (_, request) => requests.Add(request.Url);

        var response = await tab.GotoAsync(new Uri(reports.PathOf(page)).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

        Assert.NotNull(response);
        Assert.Empty(errors);
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
        Assert.Equal(0, await tab.Locator("script").CountAsync());
        Assert.NotEmpty(await tab.TitleAsync());
    }

    [Theory]
    [InlineData("2026-04-01/aging.html")]
    [InlineData("2026-04-01/revenue.html")]
    [InlineData("2026-04-01/cash.html")]
    [InlineData("2026-04-01/dunning.html")]
    [InlineData("2026-04-01/unapplied.html")]
    [InlineData("2026-04-01/close-quarter.html")]
    public async Task Charts_Rendered_DrawShapesWithASize(string page)
    {
        var browser = BrowserOrSkip();
        if (browser is null)
        {
            return;
        }

        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(new Uri(reports.PathOf(page)).AbsoluteUri);

        var charts = tab.Locator("svg.chart");
        Assert.True(await charts.CountAsync() > 0, $"{page} has no chart");
        var drawn = await tab.EvaluateAsync<int[]>("""
            () => [...document.querySelectorAll('svg.chart')].map(svg =>
              [...svg.querySelectorAll('rect, path, polyline, circle')]
                .filter(e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length)
            """);
        output.WriteLineInvariant($"{page}: shapes per chart {string.Join(", ", drawn)}");
        Assert.All(drawn, count => Assert.True(count > 0, $"a chart on {page} draws nothing"));

        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, page.Replace('/', '_').Replace(".html", ".png", StringComparison.Ordinal));
        var png = await tab.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(png.Length > 10_000, "the screenshot is (nearly) blank");
    }

    [Fact]
    public async Task HostileCustomerName_ShowsAsTextNotMarkup()
    {
        var browser = BrowserOrSkip();
        if (browser is null)
        {
            return;
        }

        await using var context = await browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        var dialogs = 0;
        tab.Dialog += (_, _) => dialogs++;
        await tab.GotoAsync(new Uri(reports.PathOf("2026-04-01/aging.html")).AbsoluteUri);

        Assert.Equal(0, dialogs);
        Assert.Equal(1, await tab.GetByText(ReportScenario.HostileName, new() { Exact = true }).CountAsync());
    }

    private IBrowser? BrowserOrSkip()
    {
        if (chromium.Browser is { } browser)
        {
            return browser;
        }

        // In CI a missing browser is a failure; on a developer machine the browser checks are skipped (with a note).
        Assert.False(ChromiumBrowser.InCi, chromium.Missing);
        output.WriteLine($"SKIPPED: {chromium.Missing}");
        return null;
    }
}

internal static class OutputExtensions
{
    public static void WriteLineInvariant(this ITestOutputHelper output, FormattableString message) =>
        output.WriteLine(FormattableString.Invariant(message));
}
