using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_SmallRun_ExitsZeroAndPrintsEachPhaseWithoutTouchingAnyDataFolder()
    {
        var data = CliRun.NewDataDirectory();

        var result = await CliRun.RunAsync("--data", data, "simulate", "--accounts", "20", "--latency", "0", "--workers", "4");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(result.Error);
        Assert.Contains("Simulated 20 accounts with 4 concurrent queue workers, 0 ms per store operation (seed 42)", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"billing\s+20 invoices\s+[\d.]+ s\s+[\d.]+ invoices/s", result.Out);
        Assert.Matches(@"ingestion\s+\d+ entries\s+[\d.]+ s\s+[\d.]+ entries/s", result.Out);
        Assert.Matches(@"dunning\s+\d+ notices\s+[\d.]+ s\s+[\d.]+ notices/s", result.Out);
        Assert.Contains("give-ups (ContentionException): 0; failed attempts: 0; poisoned: 0", result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Theory]
    [InlineData("--accounts", "0", "--accounts: expected a whole number from 1 to 100000")]
    [InlineData("--accounts", "100001", "--accounts: expected a whole number from 1 to 100000")]
    [InlineData("--latency", "-1", "--latency: expected a whole number from 0 to 1000")]
    [InlineData("--latency", "fast", "--latency: expected a whole number from 0 to 1000")]
    [InlineData("--workers", "0", "--workers: expected a whole number from 1 to 4096")]
    [InlineData("--seed", "x", "--seed: expected a whole number")]
    public async Task Simulate_BadOption_OneLineNamingItExitsTwoAndRunsNothing(string option, string value, string expected)
    {
        var result = await CliRun.RunAsync("simulate", option, value);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("billing: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Simulate_WithTheAzureBackend_IsRefusedInOneLine()
    {
        var result = await CliRun.RunAsync("--backend", "azure", "simulate", "--accounts", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'simulate' is not available with --backend azure", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
