using System.Text;
using Billing.Core.Ingestion;
using static Billing.Core.Tests.Ingestion.PaymentScenario;

namespace Billing.Core.Tests.Ingestion;

/// <summary>Continuity across files as ingestion reports it (<see cref="StatementChains"/>), read from real MT940 files.</summary>
public sealed class BankFileIngestionContinuityTests
{
    private static MemoryStream Mt940(int number, string opening, string amount, string closing, string day) =>
        new(Encoding.ASCII.GetBytes(
            $":20:STMT{number}\r\n:25:37040044/0532013000\r\n:28C:{number}/1\r\n:60F:C2601{day}EUR{opening}\r\n" +
            $":61:2601{day}C{amount}NTRFNONREF//B{number}\r\n:86:166?00GUTSCHRIFT?20SVWZ+thanks?32SOMEONE\r\n:62F:C2601{day}EUR{closing}\r\n-\r\n"));

    [Fact]
    public async Task Ingest_NextFileDoesNotOpenWithThePreviousClosingBalance_WarnsNamingBothFiguresAndFiles()
    {
        using var s = await StartAsync();
        var first = await s.IngestAsync(Mt940(1, "0,00", "100,00", "100,00", "20"), "day1.sta");

        var second = await s.IngestAsync(Mt940(3, "130,00", "5,00", "135,00", "22"), "day3.sta");

        Assert.DoesNotContain(first.Warnings, w => w.Contains("missing", StringComparison.Ordinal));
        Assert.Equal(IngestionOutcome.Processed, second.Outcome);
        Assert.Contains(second.Warnings, w => w.Contains(
            "statement STMT3 (:28C: 3/1) of 2026-01-22 in file day3.sta opens with 130.00 EUR, but the previous statement STMT1 (:28C: 1/1) of 2026-01-20 in file day1.sta closed with 100.00 EUR",
            StringComparison.Ordinal));
        Assert.Contains(second.Warnings, w => w.Contains("follows :28C: 1/1 of the previous statement STMT1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_NextFileContinuesThePrevious_WarnsNothingAboutContinuity()
    {
        using var s = await StartAsync();
        await s.IngestAsync(Mt940(1, "0,00", "100,00", "100,00", "20"), "day1.sta");

        var second = await s.IngestAsync(Mt940(2, "100,00", "5,00", "105,00", "21"), "day2.sta");

        Assert.DoesNotContain(second.Warnings, w => w.Contains("STMT1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_ReplayAfterCrashBeforeTheFileRecord_WarnsTheSameAndLeavesTheChain()
    {
        using var s = await StartAsync();
        await s.IngestAsync(Mt940(1, "0,00", "100,00", "100,00", "20"), "day1.sta");
        var bytes = Mt940(3, "130,00", "5,00", "135,00", "22").ToArray();
        var first = await s.IngestAsync(new MemoryStream(bytes), "day3.sta");
        await s.World.Store.DeleteAsync<BankFileRecord>(first.FileId, first.FileId);
        var id = StatementChain.IdOf("DE89370400440532013000", "EUR");
        var chain = await s.World.Store.ReadAsync<StatementChain>(id, id);

        var replay = await s.IngestAsync(new MemoryStream(bytes), "day3.sta");

        Assert.Equal(first.Warnings.Where(w => w.Contains("missing", StringComparison.Ordinal)), replay.Warnings.Where(w => w.Contains("missing", StringComparison.Ordinal)));
        Assert.Equal(2, first.Warnings.Count(w => w.Contains("missing", StringComparison.Ordinal)));
        Assert.Equal(chain!.ETag, (await s.World.Store.ReadAsync<StatementChain>(id, id))!.ETag);
    }
}
