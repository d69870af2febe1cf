using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

/// <summary>Wrong input on an existing data folder: exit 2, one error line naming what was wrong, no stack trace, the folder unchanged.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["demo", "--bogus"], "--bogus" },
        { ["frobnicate"], "frobnicate" },
        { ["run", "--at", "2026-13-01"], "2026-13-01" },
        { ["run", "--at", "tomorrow"], "YYYY-MM-DD" },
        { ["run", "--at", "0001-01-01"], "'0001-01-01' is out of range for --at: expected a date from 2000-01-01 to 2099-12-31" },
        { ["run", "--at", "9999-12-31"], "out of range for --at" },
        { ["run", "--at", "2062-03-01"], "--allow-future" },
        { ["demo", "--accounts", "0"], "--accounts" },
        { ["demo", "--accounts", "-5"], "--accounts" },
        { ["demo", "--accounts", "99999999999"], "99999999999" },
        { ["demo", "--months", "0"], "--months" },
        { ["demo", "--months", "121"], "--months" },
        { ["demo", "--start", "2026-02-30"], "2026-02-30" },
        { ["demo", "--start", "0001-01-01"], "out of range for --start" },
        { ["accounts", "import", "/no/such/file.json"], "does not exist" },
        { ["demo", "--backend", "azure"], "azure" },
        { ["bankfile", "inspect", "/no/such/statement.xml"], "does not exist" },
        { ["invoices", "list", "--backend", "cloud"], "cloud" },
        { ["invoices", "list", "--status", "overdue"], "overdue" },
        { ["dunning", "run", "--at", "2026-02-30"], "2026-02-30" },
        { ["dunning", "run", "--at", "1999-12-31"], "out of range for --at" },
        { ["dunning", "run", "--backend", "azure"], "azure" },
        { ["dunning", "frobnicate"], "frobnicate" },
        { ["invoices", "dispute"], "dispute" },
        { ["invoices", "dispute", "INV-2026-000001", "--reason", " "], "--reason" },
        { ["invoices", "undispute", "INV-2026-000001", "INV-2026-000002"], "INV-2026-000002" },
        { ["accounts", "pause", "acme-gmbh", "--until", "next week"], "YYYY-MM-DD" },
        { ["accounts", "pause", "acme-gmbh", "--until", "0001-01-01"], "out of range for --until" },
        { ["accounts", "pause", "nobody"], "no account has the id 'nobody'" },
        { ["accounts", "resume"], "resume" },
        { ["report", "--at", "2026-13-01"], "2026-13-01" },
        { ["report", "--at", "2100-01-01"], "out of range for --at" },
        { ["poison", "list", "--queue", "nope"], "nope" },
        { ["poison", "replay", "nope"], "nope" },
        { ["poison", "replay"], "replay" },
        { ["ingest", "/no/such/statement.xml"], "does not exist" },
        { ["suspense", "resolve", "/no/such/decisions.csv"], "does not exist" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_WrongInput_ExitsTwoWithOneErrorLine_AndChangesNothing(string[] args, string mentioned)
    {
        var data = await ImportedData.CreateAsync();
        var before = DataFolderSnapshot.Take(data);

        var result = await CliRun.RunAsync([.. args, "--data", data]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("billing: error: ", line, StringComparison.Ordinal);
        Assert.Contains(mentioned, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, DataFolderSnapshot.Take(data));
    }
}
