using System.Text.Json;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_AfterDemo_WritesTheIndexPages_AndPrintsTheKeyFiguresAndWhereTheyAre()
    {
        var data = await DemoData.CreateAsync();

        var result = await CliRun.RunAsync("report", "--at", "2026-03-05", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        var index = Path.Combine(data, "blobs", "reports", "2026-03-05", "index.html");
        var latest = Path.Combine(data, "blobs", "reports", "latest", "index.html");
        Assert.True(File.Exists(index));
        Assert.True(File.Exists(latest));
        Assert.Contains("Reports as of 2026-03-05", result.Out, StringComparison.Ordinal);
        Assert.Contains("(aging v1, new)", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Open receivables EUR\s+€[\d,]+\.\d{2}", result.Out);
        Assert.Contains($"Index   {index}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Latest  {latest}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SameDateAgain_WritesNoNewVersion()
    {
        var data = await DemoData.CreateAsync();
        await CliRun.RunAsync("report", "--at", "2026-03-05", "--data", data);

        var again = await CliRun.RunAsync("report", "--at", "2026-03-05", "--data", data);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("(aging v1, unchanged)", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(", new)", again.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(data, "blobs", "reports", "2026-03-05"), "*-v2.*"));
    }

    [Fact]
    public async Task ReportJson_PrintsThePublication_WithEveryDailyReportAndItsFiles()
    {
        var data = await DemoData.CreateAsync();

        var result = await CliRun.RunAsync("report", "--at", "2026-03-05", "--json", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        var publication = document.RootElement;
        Assert.Equal("2026-03-05", publication.GetProperty("asOf").GetString());
        Assert.Equal("reports", publication.GetProperty("container").GetString());
        Assert.Equal("2026-03-05/index.html", publication.GetProperty("indexPath").GetString());
        var reports = publication.GetProperty("reports").EnumerateArray().ToList();
        Assert.Subset(reports.Select(r => r.GetProperty("report").GetString()).ToHashSet(), new HashSet<string?> { "aging", "revenue", "cash", "dunning", "unapplied" });
        var aging = reports.Single(r => r.GetProperty("report").GetString() == "aging");
        Assert.Contains(aging.GetProperty("summary").EnumerateArray(), f => f.GetProperty("key").GetString() == "open.EUR");
        Assert.All(aging.GetProperty("blobPaths").EnumerateArray(), p => Assert.True(File.Exists(Path.Combine(data, "blobs", "reports", p.GetString()!))));
    }
}
