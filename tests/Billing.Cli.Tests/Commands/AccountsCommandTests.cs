using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class AccountsCommandTests
{
    [Fact]
    public async Task Import_ExampleFile_ImportsPlansAccountsAndSubscriptions()
    {
        var data = CliRun.NewDataDirectory();

        var result = await CliRun.RunAsync("accounts", "import", CliRun.ExampleFile("accounts.json"), "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Imported 3 plans, 2 accounts, 2 subscriptions, 1 one-off charges", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ExampleFileThenRun_BillsTheImportedAccounts()
    {
        var data = CliRun.NewDataDirectory();
        await CliRun.RunAsync("demo", "--accounts", "1", "--months", "1", "--data", data);

        var import = await CliRun.RunAsync("accounts", "import", CliRun.ExampleFile("accounts.json"), "--data", data);
        var run = await CliRun.RunAsync("run", "--at", "2026-02-01", "--data", data);
        var list = await CliRun.RunAsync("invoices", "list", "--data", data);

        Assert.Equal(0, import.ExitCode);
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("acme-gmbh", list.Out, StringComparison.Ordinal);
        Assert.Contains("dupont-sas", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MalformedJson_ExitsTwoNamingTheLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{\n  \"plans\": [],\n  \"accounts\": [ { \"account\": 42 } ]\n}\n");

        var result = await CliRun.RunAsync("accounts", "import", file, "--data", CliRun.NewDataDirectory());

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("billing: error: ", line, StringComparison.Ordinal);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidAccount_ExitsTwoNamingTheElement()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        var json = (await File.ReadAllTextAsync(CliRun.ExampleFile("accounts.json"))).Replace("\"countryCode\": \"FR\"", "\"countryCode\": \"France\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, json);

        var result = await CliRun.RunAsync("accounts", "import", file, "--data", CliRun.NewDataDirectory());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("accounts[1]", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_KnownAccount_SkipsItsInvoicesAsPaused_UntilResumed()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);

        var pause = await CliRun.RunAsync("accounts", "pause", "acct-00007", "--until", "2026-04-30", "--data", data);
        var held = await CliRun.RunAsync("dunning", "run", "--at", "2026-03-20", "--dry-run", "--data", data);
        var resume = await CliRun.RunAsync("accounts", "resume", "acct-00007", "--data", data);
        var released = await CliRun.RunAsync("dunning", "run", "--at", "2026-03-20", "--dry-run", "--data", data);

        Assert.True(pause.ExitCode == 0, pause.Error);
        Assert.Contains("Dunning of account acct-00007 is paused through 2026-04-30.", pause.Out, StringComparison.Ordinal);
        Assert.Matches(@"acct-00007\s+paused", held.Out);
        Assert.True(resume.ExitCode == 0, resume.Error);
        Assert.Contains("Dunning of account acct-00007 resumed.", resume.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"acct-00007\s+paused", released.Out);
    }

    [Fact]
    public async Task Pause_WithoutUntil_LastsUntilResumed()
    {
        var data = await DemoData.CreateAsync();

        var pause = await CliRun.RunAsync("accounts", "pause", "acct-00001", "--data", data);

        Assert.True(pause.ExitCode == 0, pause.Error);
        Assert.Contains("paused until 'billing accounts resume acct-00001'", pause.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_AccountNotPaused_SaysNothingChanged()
    {
        var data = await DemoData.CreateAsync();

        var resume = await CliRun.RunAsync("accounts", "resume", "acct-00001", "--data", data);

        Assert.True(resume.ExitCode == 0, resume.Error);
        Assert.Contains("Account acct-00001 was not paused; nothing changed.", resume.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task PauseOrResume_UnknownAccount_ExitsTwoWithOneLine(string verb)
    {
        var result = await CliRun.RunAsync("accounts", verb, "nobody", "--data", await ImportedData.CreateAsync());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no account has the id 'nobody'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
