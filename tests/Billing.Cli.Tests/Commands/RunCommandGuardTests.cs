using System.Text.Json.Nodes;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

/// <summary>A date typo must not run the future: <c>billing run</c> refuses a far date or a large catch-up unless confirmed, saying what it would issue.</summary>
public sealed class RunCommandGuardTests
{
    [Fact]
    public async Task Run_DateDecadesAhead_IsRefusedSayingWhatItWouldIssue_AndChangesNothing()
    {
        var data = await ImportedData.CreateAsync();
        var before = DataFolderSnapshot.Take(data);

        var result = await CliRun.RunAsync("run", "--at", "2062-03-01", "--data", data);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Matches(@"^billing: error: --at 2062-03-01 is 13,118 days after today \(2026-04-01\): the run would issue about \d{3} invoices for 2 accounts, numbered in series INV-2062, and email them; more than 31 days ahead needs --allow-future$", line);
        Assert.Equal(before, DataFolderSnapshot.Take(data));
    }

    [Fact]
    public async Task Run_DateWithinAMonth_IsNotRefused()
    {
        var data = await DemoData.CreateAsync();

        var result = await CliRun.RunAsync("run", "--at", "2026-05-01", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public async Task Run_LargeCatchUp_IsRefusedNamingTheAccount_UntilConfirmed()
    {
        var data = await DemoData.CreateAsync();
        var file = await ExampleStartingAsync("2024-01-15");
        var import = await CliRun.RunAsync("accounts", "import", file, "--data", data);
        var before = DataFolderSnapshot.Take(data);

        var refused = await CliRun.RunAsync("run", "--at", "2026-04-01", "--data", data);
        var unchanged = DataFolderSnapshot.Take(data);
        var confirmed = await CliRun.RunAsync("run", "--at", "2026-04-01", "--allow-catch-up", "--data", data);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(2, refused.ExitCode);
        var line = Assert.Single(refused.ErrorLines);
        Assert.StartsWith("billing: error: the run as of 2026-04-01 would issue about 27 invoices for account 'acme-gmbh' alone", line, StringComparison.Ordinal);
        Assert.EndsWith("more than 24 for one account needs --allow-catch-up (check the subscriptions' start dates first)", line, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.True(confirmed.ExitCode == 0, confirmed.Error);
    }

    private static async Task<string> ExampleStartingAsync(string start)
    {
        var example = JsonNode.Parse(await File.ReadAllTextAsync(CliRun.ExampleFile("accounts.json")))!.AsObject();
        example["accounts"]![0]!["subscriptions"]![0]!["startDate"] = start;
        example["accounts"]![0]!["subscriptions"]![0]!.AsObject().Remove("changes");
        var file = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, example.ToJsonString());
        return file;
    }
}
