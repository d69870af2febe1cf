using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

/// <summary><c>billing suspense resolve</c> with rejected lines or a file too large: exit 2 and one error line.</summary>
public sealed class SuspenseResolveErrorLineTests
{
    [Fact]
    public async Task Resolve_SeveralRejectedLines_PrintsOneErrorLineNamingEach()
    {
        var data = await ImportedData.CreateAsync();
        var decisions = StatementText.Write("decisions.csv",
            "payment_id,decision,target,note\npay-nope-1,refund,,\npay-nope-2,refund,,\npay-nope-3,refund,,\npay-nope-4,refund,,\n");

        var result = await CliRun.RunAsync("suspense", "resolve", decisions, "--data", data);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("billing: error: decisions.csv: 4 of 4 lines rejected, nothing applied from them: line 2: ", line, StringComparison.Ordinal);
        Assert.Contains("; line 3: ", line, StringComparison.Ordinal);
        Assert.Contains("; line 4: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; and 1 more (every line is in the table above, or use --json)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_AFileOverFourMiB_IsRefusedBeforeItIsRead_AndChangesNothing()
    {
        var data = await ImportedData.CreateAsync();
        var before = DataFolderSnapshot.Take(data);
        var decisions = StatementText.Write("decisions.csv", "payment_id,decision,target,note\npay-1,refund,," + new string('x', 5 * 1024 * 1024) + "\n");

        var result = await CliRun.RunAsync("suspense", "resolve", decisions, "--data", data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a decisions file is at most 4,194,304 bytes (4 MiB)", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, DataFolderSnapshot.Take(data));
    }
}
