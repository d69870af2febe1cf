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
}
