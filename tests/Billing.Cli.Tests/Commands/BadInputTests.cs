using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class BadInputTests
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["demo", "--bogus"], "--bogus" },
        { ["frobnicate"], "frobnicate" },
        { ["run", "--at", "2026-13-01"], "2026-13-01" },
        { ["run", "--at", "tomorrow"], "YYYY-MM-DD" },
        { ["demo", "--accounts", "0"], "--accounts" },
        { ["demo", "--start", "2026-02-30"], "2026-02-30" },
        { ["accounts", "import", "/no/such/file.json"], "does not exist" },
        { ["demo", "--backend", "azure"], "azure" },
        { ["bankfile", "inspect", "/no/such/statement.xml"], "does not exist" },
        { ["invoices", "list", "--backend", "cloud"], "cloud" },
        { ["dunning", "run", "--at", "2026-02-30"], "2026-02-30" },
        { ["dunning", "run", "--backend", "azure"], "azure" },
        { ["dunning", "frobnicate"], "frobnicate" },
        { ["invoices", "dispute"], "dispute" },
        { ["invoices", "dispute", "INV-2026-000001", "--reason", " "], "--reason" },
        { ["invoices", "undispute", "INV-2026-000001", "INV-2026-000002"], "INV-2026-000002" },
        { ["accounts", "pause", "acct-00001", "--until", "next week"], "YYYY-MM-DD" },
        { ["accounts", "resume"], "resume" },
        { ["report", "--at", "2026-13-01"], "2026-13-01" },
        { ["poison", "list", "--queue", "nope"], "nope" },
        { ["poison", "replay", "nope"], "nope" },
        { ["poison", "replay"], "replay" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_WrongInput_ExitsTwoWithOneErrorLine(string[] args, string mentioned)
    {
        var result = await CliRun.RunAsync([.. args, "--data", CliRun.NewDataDirectory()]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("billing: error: ", line, StringComparison.Ordinal);
        Assert.Contains(mentioned, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
