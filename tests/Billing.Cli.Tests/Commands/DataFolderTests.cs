using Billing.Cli.Tests.Support;
using Billing.Core.Accounts;
using Billing.Local;
using Billing.Local.Storage;
using Microsoft.Data.Sqlite;

namespace Billing.Cli.Tests.Commands;

/// <summary>
/// A typo in <c>--data</c> never creates a store: only <c>demo</c> and <c>accounts import</c> create the folder; every
/// other command needs it to exist, and the commands that only read open it read-only.
/// </summary>
public sealed class DataFolderTests
{
    public static TheoryData<string[]> CommandsNeedingAFolder => new()
    {
        { ["invoices", "list"] },
        { ["invoices", "list", "--json"] },
        { ["invoices", "dispute", "INV-2026-000001"] },
        { ["suspense", "list"] },
        { ["dunning", "list"] },
        { ["dunning", "run", "--at", "2026-03-01"] },
        { ["poison", "list"] },
        { ["poison", "replay", "dunning-notice"] },
        { ["report", "--at", "2026-03-01"] },
        { ["run", "--at", "2026-03-01"] },
        { ["accounts", "pause", "acme-gmbh"] },
        { ["accounts", "resume", "acme-gmbh"] },
    };

    [Theory]
    [MemberData(nameof(CommandsNeedingAFolder))]
    public async Task Command_MissingDataFolder_ExitsTwoSayingWhatToDo_AndCreatesNothing(string[] args)
    {
        var data = CliRun.NewDataDirectory();

        var result = await CliRun.RunAsync([.. args, "--data", data]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"billing: error: no data folder at {data}; run `billing demo` or `billing accounts import` first (or check --data / BILLING_DATA)", Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task Ingest_MissingDataFolder_ExitsTwo_AndWritesNeitherDatabaseNorBlobs()
    {
        var data = CliRun.NewDataDirectory();
        var file = StatementText.Write("statement.sta", await File.ReadAllTextAsync(CliRun.ExampleFile("statement.mt940")));

        var result = await CliRun.RunAsync("ingest", file, "--data", data);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("billing: error: no data folder at ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task Command_FolderWithoutDatabase_ExitsTwo_AndCreatesNothingInIt()
    {
        var data = CliRun.NewDataDirectory();
        Directory.CreateDirectory(data);

        var result = await CliRun.RunAsync("invoices", "list", "--data", data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a data folder (it has no billing.db)", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(data));
    }

    [Theory]
    [InlineData("invoices", "list")]
    [InlineData("demo", "--months", "1")]
    [InlineData("run", "--at", "2026-03-01")]
    public async Task Command_DataPointingAtAFile_ExitsTwoSayingItIsAFile(params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-a-folder-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "hello");

        var result = await CliRun.RunAsync([.. args, "--data", file]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file} is a file, not a data folder", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("hello", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Import_BrokenFileWithDataPointingAtAFile_ExitsTwo()
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-a-folder-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "hello");

        var result = await CliRun.RunAsync("accounts", "import", CliRun.ExampleFile("accounts.json"), "--data", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a file, not a data folder", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invoices", "list")]
    [InlineData("suspense", "list")]
    [InlineData("dunning", "list")]
    [InlineData("poison", "list")]
    public async Task ReadCommand_ExistingFolder_ChangesNothing(params string[] args)
    {
        var data = await DemoData.CreateAsync();
        var before = DataFolderSnapshot.Take(data);

        var result = await CliRun.RunAsync([.. args, "--data", data]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(before, DataFolderSnapshot.Take(data));
    }

    [Fact]
    public async Task ReadOnlyFolder_Database_RefusesWrites()
    {
        var data = await ImportedData.CreateAsync();
        using var database = new LocalDatabase(LocalDataDirectory.OpenReadOnly(data));
        var store = new SqliteDocumentStore(database, new FixedClock(CliRun.Today));
        var account = (await store.ReadAsync<Account>("acme-gmbh", "acme-gmbh"))!.Value;

        var write = await Record.ExceptionAsync(() => store.TryCreateAsync("acme-gmbh", "copy", account with { Id = "copy" }));

        Assert.Equal(8, Assert.IsType<SqliteException>(write).SqliteErrorCode);
    }
}
