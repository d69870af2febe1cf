using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    private static string[] Lines(CliResult result) => result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Run_AfterDemo_DoesBillingThenDunningThenReports_AndSaysWhyDunningWasBlocked()
    {
        var data = await DemoData.CreateAsync();

        var result = await CliRun.RunAsync("run", "--at", "2026-03-01", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(result.Error);
        var lines = Lines(result);
        var billing = Array.FindIndex(lines, l => l.StartsWith("billing: ", StringComparison.Ordinal));
        var dunning = Array.FindIndex(lines, l => l.StartsWith("dunning: ", StringComparison.Ordinal));
        var reports = Array.FindIndex(lines, l => l.StartsWith("reports: ", StringComparison.Ordinal));
        Assert.True(billing >= 0 && billing < dunning && dunning < reports, result.Out);
        Assert.Matches(@"^billing: [1-9]\d* work items scheduled$", lines[billing]);
        Assert.StartsWith("dunning: blocked, nothing sent: No bank file was ever ingested", lines[dunning], StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine(data, "blobs", "reports", "2026-03-01", "index.html"), lines[reports], StringComparison.Ordinal);
        Assert.Empty(DemoData.DunningEmails(data));
    }

    [Fact]
    public async Task Run_WithoutTheBankFileRequirement_SendsTheDunningNoticesDue()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);

        var result = await CliRun.RunAsync("run", "--at", "2026-03-20", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"dunning: [1-9]\d* work items scheduled", result.Out);
        Assert.Matches(@"queue dunning-notice: [1-9]\d* handled, 0 failed attempts, 0 poisoned", result.Out);
        Assert.NotEmpty(DemoData.DunningEmails(data));
    }

    [Fact]
    public async Task Run_SameDateTwice_CreatesNothingTheSecondTime()
    {
        var data = await DemoData.CreateAsync();
        await CliRun.RunAsync("run", "--at", "2026-03-01", "--data", data);
        var events = await File.ReadAllTextAsync(Path.Combine(data, "events.jsonl"));

        var again = await CliRun.RunAsync("run", "--at", "2026-03-01", "--data", data);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("billing: 0 work items scheduled", again.Out, StringComparison.Ordinal);
        Assert.Contains("(0 new or changed)", again.Out, StringComparison.Ordinal);
        Assert.Equal(events, await File.ReadAllTextAsync(Path.Combine(data, "events.jsonl")));
    }

    [Fact]
    public async Task Run_WithMessagesHeldByARunThatWasKilled_SaysHowManyAndWhenTheyComeBack()
    {
        var data = await DemoData.CreateAsync();
        var until = DateTimeOffset.UtcNow.AddMinutes(9);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "billing.db")};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO queue (queue, body, attempts, enqueued_at, claimed_until) VALUES ('send-invoice', '{\"accountId\":\"acct-00001\",\"invoiceId\":\"x\"}', 1, $now, $until)";
            insert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$until", until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        var result = await CliRun.RunAsync("run", "--at", "2026-03-01", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"queue send-invoice: 1 messages not handled yet (held by a stopped run or deferred); all back by {until.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z", result.Out, StringComparison.Ordinal);
    }
}
