namespace Billing.BankFiles.Tests;

/// <summary>The streaming API: one closed shape per kind of event, in document order.</summary>
public sealed class BankFileEventTests
{
    private const string TwoStatements = ":20:A\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240101EUR0,00\r\n:61:240115C1,00NTRFR1//B1\r\n:62F:C240131EUR1,00\r\n"
        + ":20:B\r\n:25:DE89370400440532013000\r\n:28C:2/1\r\n:60F:C240131EUR1,00\r\n:62F:C240131EUR1,00\r\n";

    [Fact]
    public void ReadEvents_TwoStatements_ArriveAsTheirShapesInDocumentOrder()
    {
        var events = BankFileReader.ReadEvents(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TwoStatements))).ToList();

        var shapes = events.Select(e => e switch
        {
            BankFileEvent.FileStarted => "file",
            BankFileEvent.StatementStarted s => "start " + s.Statement.StatementId,
            BankFileEvent.EntryRead r => "entry " + r.Entry.EntryReference,
            BankFileEvent.StatementCompleted c => $"end {c.Statement.StatementId} {c.Statement.EntryCount}",
            BankFileEvent.AchEntryRead => "ach",
            BankFileEvent.FileCompleted => "done",
            _ => "?",
        });
        Assert.Equal(["file", "start A", "entry R1", "end A 1", "start B", "end B 0", "done"], shapes);
    }

    [Fact]
    public void ReadEvents_EntryEvent_CarriesTheStatementItBelongsTo()
    {
        var read = Assert.Single(BankFileReader.ReadEvents(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TwoStatements))).OfType<BankFileEvent.EntryRead>());

        Assert.Equal("A", read.Statement.StatementId);
        Assert.Empty(read.Statement.Entries);
    }
}
