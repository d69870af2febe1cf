using System.Text.Json;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class DunningCommandTests
{
    private const string RunDate = "2026-03-20";

    private static async Task<JsonElement> JsonOf(params string[] args)
    {
        var result = await CliRun.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Run_NoBankFileIngested_PrintsWhyItIsBlocked_AndSendsNothing()
    {
        var data = await DemoData.CreateAsync();

        var result = await CliRun.RunAsync("dunning", "run", "--at", RunDate, "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Blocked, nothing is sent: No bank file was ever ingested", result.Out, StringComparison.Ordinal);
        Assert.Contains("freshness guard", result.Out, StringComparison.Ordinal);
        Assert.Contains("No notice was sent.", result.Out, StringComparison.Ordinal);
        Assert.Empty(DemoData.DunningEmails(data));
    }

    [Fact]
    public async Task RunDryRun_ShowsTheNoticesThatWouldBeSentAndWhyOthersAreSkipped_AndSendsNothing()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);

        var result = await CliRun.RunAsync("dunning", "run", "--at", RunDate, "--dry-run", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"Dunning run as of {RunDate} (dry run: nothing is enqueued or sent)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Notices that would be sent", result.Out, StringComparison.Ordinal);
        Assert.Contains("not yet due", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* notices due, \d+ invoices skipped, 0 messages enqueued", result.Out);
        Assert.DoesNotContain("Notices sent", result.Out, StringComparison.Ordinal);
        Assert.Empty(DemoData.DunningEmails(data));
        Assert.Empty((await JsonOf("dunning", "list", "--json", "--data", data)).EnumerateArray());
    }

    [Fact]
    public async Task RunJson_SendsEveryNoticeDue_AndListShowsThemWithTheDocumentedFields()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);

        var run = await JsonOf("dunning", "run", "--at", RunDate, "--json", "--data", data);
        var list = (await JsonOf("dunning", "list", "--json", "--data", data)).EnumerateArray().ToArray();

        var due = run.GetProperty("run").GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("invoiceNumber").GetString()).Order().ToArray();
        var sent = run.GetProperty("sent").EnumerateArray().Select(n => n.GetProperty("invoiceNumber").GetString()).Order().ToArray();
        Assert.NotEmpty(due);
        Assert.Equal(due, sent);
        Assert.Equal(0, run.GetProperty("poisoned").GetInt32());
        Assert.Equal(due, list.Select(n => n.GetProperty("invoiceNumber").GetString()).Order());
        foreach (var notice in list)
        {
            Assert.All(["invoiceNumber", "accountId", "stage", "sentAt", "messageId"], f => Assert.True(notice.TryGetProperty(f, out _), $"missing {f}"));
            Assert.Equal("sent", notice.GetProperty("status").GetString());
        }

        Assert.Equal(list.Select(n => n.GetProperty("messageId").GetString()).Distinct().Count(), DemoData.DunningEmails(data).Length);
    }

    [Fact]
    public async Task Run_SecondTimeForTheSameDate_SendsNothingNew()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);
        await CliRun.RunAsync("dunning", "run", "--at", RunDate, "--data", data);
        var emails = DemoData.DunningEmails(data).Length;

        var again = await CliRun.RunAsync("dunning", "run", "--at", RunDate, "--data", data);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("already sent", again.Out, StringComparison.Ordinal);
        Assert.Contains("No notice was sent.", again.Out, StringComparison.Ordinal);
        Assert.Equal(emails, DemoData.DunningEmails(data).Length);
    }

    [Fact]
    public async Task Run_Table_ListsTheNoticesSent()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);

        var result = await CliRun.RunAsync("dunning", "run", "--at", RunDate, "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Notices due", result.Out, StringComparison.Ordinal);
        Assert.Contains("Notices sent", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Sent [1-9]\d* notices\.", result.Out);
    }

    [Fact]
    public async Task List_Table_OneAccount_ShowsOnlyItsNotices()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);
        await CliRun.RunAsync("dunning", "run", "--at", RunDate, "--data", data);

        var result = await CliRun.RunAsync("dunning", "list", "--account", "acct-00007", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("INV-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("acct-00007", r, StringComparison.Ordinal));
        Assert.Contains($"{rows.Count} notices sent", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAll_AlsoShowsTheStagesPassedOver_WithTheirStatus()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);
        await CliRun.RunAsync("dunning", "run", "--at", RunDate, "--data", data);

        var sentOnly = await CliRun.RunAsync("dunning", "list", "--data", data);
        var all = await CliRun.RunAsync("dunning", "list", "--all", "--data", data);

        Assert.True(all.ExitCode == 0, all.Error);
        Assert.DoesNotContain("Status", sentOnly.Out, StringComparison.Ordinal);
        Assert.Contains("Status", all.Out, StringComparison.Ordinal);
        Assert.Matches(@"INV-2026-\d{6}\s+acct-\d+\s+1\s+\S+\s+skipped", all.Out);
    }

    [Fact]
    public async Task List_UnknownAccount_ExitsTwoWithOneLine()
    {
        var result = await CliRun.RunAsync("dunning", "list", "--account", "nobody", "--data", await ImportedData.CreateAsync());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no account has the id 'nobody'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
