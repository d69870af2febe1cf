using System.Text.Json;
using System.Text.RegularExpressions;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

/// <summary><c>billing demo</c> tells the whole story: statement files written and ingested, payments applied, parked and returned, the dunning ladder.</summary>
public sealed class DemoStoryTests(DemoStoryFixture story) : IClassFixture<DemoStoryFixture>
{
    private string Statements => Path.Combine(story.Data, "bank-statements");

    [Fact]
    public void Demo_ExitsZero_WithoutErrors()
    {
        Assert.True(story.Demo.ExitCode == 0, story.Demo.Error);
        Assert.Empty(story.Demo.Error);
    }

    [Fact]
    public async Task Demo_LeavesNoOpenCreditNote_EachIsSetAgainstWhatWasOwedOrKeptAsCredit()
    {
        var list = await CliRun.RunAsync("invoices", "list", "--json", "--data", story.Data);

        Assert.True(list.ExitCode == 0, list.Error);
        var notes = JsonDocument.Parse(list.Out).RootElement.EnumerateArray()
            .Where(i => i.GetProperty("number").GetString()!.StartsWith("CN-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(notes);
        Assert.All(notes, n =>
        {
            Assert.Equal("paid", n.GetProperty("status").GetString());
            Assert.Equal("0.00", n.GetProperty("amountDue").GetString());
        });
    }

    [Fact]
    public void Demo_WritesStatementFilesOfAllThreeFormats()
    {
        Assert.NotEmpty(Directory.GetFiles(Statements, "camt053-EUR-*.xml"));
        Assert.NotEmpty(Directory.GetFiles(Statements, "mt940-CHF-*.sta"));
        Assert.NotEmpty(Directory.GetFiles(Statements, "mt940-GBP-*.sta"));
        Assert.NotEmpty(Directory.GetFiles(Statements, "mt940-SEK-*.sta"));
        Assert.NotEmpty(Directory.GetFiles(Statements, "bai2-USD-*.txt"));
        Assert.Contains(Directory.GetFiles(Statements, "*.xml"), f => File.ReadAllText(f).Contains("<RtrInf>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("camt053-EUR-*.xml", "camt.053")]
    [InlineData("mt940-GBP-*.sta", "mt940")]
    [InlineData("bai2-USD-*.txt", "bai2")]
    public async Task StatementFiles_AreValidForTheParsers(string pattern, string format)
    {
        foreach (var file in Directory.GetFiles(Statements, pattern).Order(StringComparer.Ordinal).Take(3))
        {
            var inspect = await CliRun.RunAsync("bankfile", "inspect", file);

            Assert.True(inspect.ExitCode == 0, inspect.Error);
            Assert.Contains(format, inspect.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_IngestsEveryFile_AndRefusesTheDuplicateUpload()
    {
        var written = Directory.GetFiles(Statements).Length;

        Assert.Contains($"Reconciliation: {written} files ingested, 1 duplicate upload refused, 0 quarantined.", story.Demo.Out, StringComparison.Ordinal);
        Assert.Equal(written, Directory.GetFiles(Path.Combine(story.Data, "blobs", "bank-archive", "processed"), "*.report.json", SearchOption.AllDirectories).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(story.Data, "blobs", "bank-files", "duplicates"), "*.report.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void Demo_AppliesByRfAndInvoiceNumber_ParksAndReturns()
    {
        Assert.True(Count("applied by RF creditor reference") > 0, story.Demo.Out);
        Assert.True(Count("applied by invoice number in the text") > 0, story.Demo.Out);
        Assert.True(Count("parked in suspense") > 0, story.Demo.Out);
        Assert.Equal(1, Count("returned by the bank"));
        Assert.True(Count("accounts with a credit balance") > 0, story.Demo.Out);
        Assert.Contains("billing suspense list --data", story.Demo.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_LeavesParkedPaymentsInSuspense()
    {
        var list = await CliRun.RunAsync("suspense", "list", "--json", "--data", story.Data);

        Assert.Equal(0, list.ExitCode);
        using var document = JsonDocument.Parse(list.Out);
        Assert.True(document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() > 0 : list.Out.Length > 2);
    }

    [Fact]
    public void Demo_ShowsTheDunningLadder_WithTheCustomerWhoPaidAfterTheFirstNotice()
    {
        Assert.Contains("Dunning ladder", story.Demo.Out, StringComparison.Ordinal);
        Assert.Matches(@"reminder\s+[1-9]", story.Demo.Out);
        Assert.Matches(@"first-notice\s+[1-9]", story.Demo.Out);
        Assert.Matches(@"acct-00001 \(.+\) ignored the reminder and paid INV-2026-\d{6} on 2026-\d\d-\d\d, after the first-notice of 2026-", story.Demo.Out);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(story.Data, "outbox"), "dunning-*.eml"));
    }

    [Fact]
    public void Demo_WritesTheReports_AndTimesIngestionAndDunning()
    {
        Assert.True(File.Exists(Path.Combine(story.Data, "blobs", "reports", "2026-02-28", "index.html")));
        Assert.Matches(@"ingestion\s+\d+\.\d\d", story.Demo.Out);
        Assert.Matches(@"dunning\s+\d+\.\d\d", story.Demo.Out);
        Assert.Contains($"bank statements   {Statements}", story.Demo.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_SameSeed_GivesTheSameNumbersPerAccount_AndTheSameFiles()
    {
        Assert.True(story.TwinDemo.ExitCode == 0, story.TwinDemo.Error);

        Assert.Equal(await NumbersAsync(story.Data), await NumbersAsync(story.Twin));
        var twinStatements = Path.Combine(story.Twin, "bank-statements");
        var names = Directory.GetFiles(Statements).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(twinStatements).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Statements, name!)), await File.ReadAllTextAsync(Path.Combine(twinStatements, name!)));
        }
    }

    [Theory]
    [InlineData("2026-02-01")]
    [InlineData("2026-02-28")]
    public void Demo_SameSeed_PublishesTheSameMonthClose(string date)
    {
        var close = Path.Combine("blobs", "reports", date, "close-month.json");

        Assert.True(File.Exists(Path.Combine(story.Data, close)), $"{close} is missing");
        Assert.Equal(File.ReadAllText(Path.Combine(story.Data, close)), File.ReadAllText(Path.Combine(story.Twin, close)));
    }

    [Fact]
    public async Task Demo_Replay_CreatesNothingNew()
    {
        var emails = Directory.GetFiles(Path.Combine(story.Twin, "outbox"), "*.eml").Length;

        var replay = await CliRun.RunAsync([.. DemoStoryFixture.Arguments, "--data", story.Twin]);

        Assert.True(replay.ExitCode == 0, replay.Error);
        Assert.Contains("Nothing new", replay.Out, StringComparison.Ordinal);
        Assert.Contains("Reconciliation: 0 files ingested", replay.Out, StringComparison.Ordinal);
        Assert.Equal(emails, Directory.GetFiles(Path.Combine(story.Twin, "outbox"), "*.eml").Length);
    }

    private static async Task<List<string>> NumbersAsync(string data)
    {
        var result = await CliRun.RunAsync("invoices", "list", "--json", "--data", data);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        return document.RootElement.EnumerateArray()
            .Select(i => $"{i.GetProperty("accountId").GetString()} {i.GetProperty("number").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private int Count(string row)
    {
        var match = Regex.Match(story.Demo.Out, Regex.Escape(row) + @"\s+(\d+)");
        Assert.True(match.Success, $"no row '{row}' in:\n{story.Demo.Out}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
