using System.Text.Json;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class BankFileCommandTests
{
    [Fact]
    public async Task Inspect_Mt940File_PrintsFormatBalancesAndEntryCount()
    {
        var result = await CliRun.RunAsync("bankfile", "inspect", CliRun.ExampleFile("statement.mt940"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("mt940, 1 statements", result.Out, StringComparison.Ordinal);
        Assert.Contains("1129.50", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectJson_Mt940File_PrintsTheParsedStatementAsJson()
    {
        var result = await CliRun.RunAsync("bankfile", "inspect", CliRun.ExampleFile("statement.mt940"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("mt940", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("statements").GetArrayLength());
    }

    [Fact]
    public async Task Inspect_UnrecognisedContent_ExitsTwoWithOneLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "this is not a bank statement\n");

        var result = await CliRun.RunAsync("bankfile", "inspect", file);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("billing: error: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
