using Billing.BankFiles;
using Billing.Core.Ingestion;
using Billing.Testing;

namespace Billing.Core.Tests.Ingestion;

public sealed class StatementChainsTests
{
    private const string Account = "DE89370400440532013000";
    private static readonly string ChainId = StatementChain.IdOf(Account, "EUR");
    private readonly InMemoryDocumentStore _store = new();

    private StatementChains Chains => new(_store);

    private static StatementLink Link(int number, string opening, string closing, int day, BankFileFormat format = BankFileFormat.Mt940) => new()
    {
        FileId = "", FileName = "", Format = format, Account = Account, Currency = "EUR", StatementId = $"STMT{number}",
        StatementNumber = number.ToString(System.Globalization.CultureInfo.InvariantCulture), SequenceNumber = "1",
        Date = new DateOnly(2026, 1, 1).AddDays(day), Opening = opening, Closing = closing,
    };

    private Task<IReadOnlyList<string>> RecordAsync(string file, bool dryRun = false, params StatementLink[] links) =>
        Chains.RecordAsync($"hash-{file}", file, links, dryRun);

    [Fact]
    public async Task RecordAsync_StatementContinuesThePreviousFile_WarnsNothing()
    {
        await RecordAsync("a.sta", false, Link(1, "0", "100.00", 1));

        var warnings = await RecordAsync("b.sta", false, Link(2, "100.00", "250.00", 2));

        Assert.Empty(warnings);
        Assert.Equal(["a.sta", "b.sta"], (await _store.ReadAsync<StatementChain>(ChainId, ChainId))!.Value.Links.Select(l => l.FileName));
    }

    [Fact]
    public async Task RecordAsync_OpeningBalanceDiffersFromThePreviousFilesClosing_WarnsNamingBothFiguresAndFiles()
    {
        await RecordAsync("a.sta", false, Link(1, "0", "100.00", 1));

        var warnings = await RecordAsync("b.sta", false, Link(2, "120.00", "250.00", 2));

        var warning = Assert.Single(warnings);
        Assert.Equal(
            "account DE89…3000: statement STMT2 (:28C: 2/1) of 2026-01-03 in file b.sta opens with 120.00 EUR, but the previous statement STMT1 (:28C: 1/1) of 2026-01-02 in file a.sta closed with 100.00 EUR: a statement may be missing",
            warning);
    }

    [Fact]
    public async Task RecordAsync_StatementNumberSkipped_WarnsThatAStatementMayBeMissing()
    {
        await RecordAsync("a.sta", false, Link(1, "0", "100.00", 1));

        var warnings = await RecordAsync("c.sta", false, Link(3, "100.00", "250.00", 3));

        Assert.Contains("statement STMT3 (:28C: 3/1) of 2026-01-04 in file c.sta follows :28C: 1/1 of the previous statement STMT1", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_CamtElectronicSequenceNumberSkipped_Warns()
    {
        await RecordAsync("a.xml", false, Link(1, "0", "100.00", 1, BankFileFormat.Camt053) with { SequenceNumber = "41" });

        var warnings = await RecordAsync("b.xml", false, Link(2, "100.00", "250.00", 2, BankFileFormat.Camt053) with { SequenceNumber = "43" });

        Assert.Contains("electronic sequence number 43", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_StatementNumberStartsAgainInANewYear_WarnsNothing()
    {
        await RecordAsync("a.sta", false, Link(250, "0", "100.00", -2));

        var warnings = await RecordAsync("b.sta", false, Link(1, "100.00", "250.00", 1));

        Assert.Empty(warnings);
    }

    [Fact]
    public async Task RecordAsync_OlderStatementAfterANewerOne_WarnsOutOfOrderAndChecksItAgainstTheNewer()
    {
        await RecordAsync("a.sta", false, Link(1, "0", "100.00", 1));
        await RecordAsync("c.sta", false, Link(3, "250.00", "300.00", 3));

        var warnings = await RecordAsync("b.sta", false, Link(2, "100.00", "260.00", 2));

        Assert.Equal(2, warnings.Count);
        Assert.Contains("statement STMT2 (:28C: 2/1) of 2026-01-03 in file b.sta arrived after the newer statement STMT3 (:28C: 3/1) of 2026-01-04 in file c.sta", warnings[0], StringComparison.Ordinal);
        Assert.Contains("statement STMT3 (:28C: 3/1) of 2026-01-04 in file c.sta opens with 250.00 EUR, but the previous statement STMT2", warnings[1], StringComparison.Ordinal);
        var chain = (await _store.ReadAsync<StatementChain>(ChainId, ChainId))!.Value;
        Assert.Equal(["a.sta", "b.sta", "c.sta"], chain.Links.Select(l => l.FileName));
    }

    [Fact]
    public async Task RecordAsync_SameStatementFromAnotherFile_WarnsItWasSentTwice()
    {
        await RecordAsync("a.sta", false, Link(1, "0", "100.00", 1));

        var warnings = await RecordAsync("a-resent.sta", false, Link(1, "0", "100.00", 1));

        Assert.Contains("has the date and numbers of statement STMT1 (:28C: 1/1) of 2026-01-02 in file a.sta", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_SameFileAgain_ChangesNothingAndWarnsTheSame()
    {
        await RecordAsync("a.sta", false, Link(1, "0", "100.00", 1));
        var first = await RecordAsync("c.sta", false, Link(3, "120.00", "250.00", 3));
        var before = await _store.ReadAsync<StatementChain>(ChainId, ChainId);

        var replay = await RecordAsync("c.sta", false, Link(3, "120.00", "250.00", 3));

        Assert.Equal(2, first.Count);
        Assert.Equal(first, replay);
        Assert.Equal(before!.ETag, (await _store.ReadAsync<StatementChain>(ChainId, ChainId))!.ETag);
    }

    [Fact]
    public async Task RecordAsync_AnotherFileWritesTheChainMeanwhile_DecidesAgainstTheVersionItWrites()
    {
        await RecordAsync("a.sta", false, Link(1, "0", "100.00", 1));
        var interleaved = false;
        _store.BeforeReplace = async _ =>
        {
            if (!interleaved)
            {
                interleaved = true;
                await RecordAsync("b.sta", false, Link(2, "100.00", "250.00", 2));
            }
        };

        var warnings = await RecordAsync("c.sta", false, Link(3, "250.00", "300.00", 3));

        Assert.True(interleaved);
        Assert.Empty(warnings);
        Assert.Equal(["a.sta", "b.sta", "c.sta"], (await _store.ReadAsync<StatementChain>(ChainId, ChainId))!.Value.Links.Select(l => l.FileName));
    }

    [Fact]
    public async Task RecordAsync_DryRun_WarnsButWritesNothing()
    {
        await RecordAsync("a.sta", false, Link(1, "0", "100.00", 1));
        var before = await _store.ReadAsync<StatementChain>(ChainId, ChainId);

        var warnings = await RecordAsync("c.sta", true, Link(3, "120.00", "250.00", 3));

        Assert.Equal(2, warnings.Count);
        Assert.Equal(before!.ETag, (await _store.ReadAsync<StatementChain>(ChainId, ChainId))!.ETag);
    }

    [Fact]
    public async Task RecordAsync_ManyFiles_KeepsOnlyTheNewestLinks()
    {
        for (var n = 1; n <= StatementChain.MaxLinks + 5; n++)
        {
            await RecordAsync($"{n}.sta", false, Link(n, $"{n - 1}", $"{n}", n));
        }

        var links = (await _store.ReadAsync<StatementChain>(ChainId, ChainId))!.Value.Links;
        Assert.Equal(StatementChain.MaxLinks, links.Count);
        Assert.Equal("6.sta", links[0].FileName);
        Assert.Equal($"{StatementChain.MaxLinks + 5}.sta", links[^1].FileName);
    }
}
