namespace Billing.BankFiles.Tests.Mt940;

/// <summary>
/// A truncated or altered MT940 must not pass as a smaller valid statement: a missing closing balance and a balance that
/// the entries do not reach are warnings when inspecting and refusals when the figures are required (ingestion).
/// </summary>
public sealed class Mt940IntegrityTests
{
    private const string Whole = ":20:STMT-1\r\n:25:DE89370400440532013000\r\n:28C:00042/001\r\n:60F:C240101EUR100,00\r\n"
        + ":61:240115C12,50NTRFREF1//B1\r\n:86:166?20SVWZ+INV-2024-000001\r\n:61:240116C44,40NTRFREF2//B2\r\n:86:166?20SVWZ+INV-2024-000002\r\n:62F:C240131EUR156,90\r\n";

    private static readonly BankFileReaderOptions _strict = new() { RequireStatedTotals = true };

    private static BankFile Read(string text, BankFileReaderOptions? options = null) => BankText.Read(System.Text.Encoding.UTF8.GetBytes(text), options);

    [Fact]
    public void Read_WholeStatement_PassesTheStrictCheck()
    {
        var statement = Assert.Single(Read(Whole, _strict).Statements);

        Assert.Equal(2, statement.Entries.Count);
        Assert.Empty(Read(Whole).Warnings);
    }

    [Theory]
    [InlineData(":61:240116C44,40NTRFREF2//B2\r\n")]
    [InlineData(":86:166?20SVWZ+INV-2024")]
    public void Read_FileCutBeforeTheClosingBalance_IsRefusedWhenTotalsAreRequired(string cutAfter)
    {
        var cut = Whole[..(Whole.IndexOf(cutAfter, StringComparison.Ordinal) + cutAfter.Length)];

        var error = Assert.Throws<BankFileFormatException>(() => Read(cut, _strict));

        Assert.Contains("statement STMT-1 has no :62F:/:62M: closing balance", error.Message, StringComparison.Ordinal);
        Assert.Contains(Read(cut).Warnings, w => w.Contains("no :62F:/:62M: closing balance", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EntryLostBetweenTheBalances_IsRefusedNamingBothFigures()
    {
        var lost = Whole.Replace(":61:240116C44,40NTRFREF2//B2\r\n:86:166?20SVWZ+INV-2024-000002\r\n", "", StringComparison.Ordinal);

        var error = Assert.Throws<BankFileFormatException>(() => Read(lost, _strict));

        Assert.Equal("statement number 00042: statement STMT-1: opening 100.00 + entries 12.50 = 112.50, but closing balance is 156.90: the file is not whole (an entry is missing or was altered)", error.Message);
        Assert.Contains(Read(lost).Warnings, w => w.Contains("but closing balance is 156.90", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnknownTag_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<BankFileFormatException>(() => Read(Whole.Replace(":28C:", ":29X:", StringComparison.Ordinal)));

        Assert.StartsWith("line 3: unknown field :29X: in an MT940 message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StatementLineBeforeTheOpeningBalance_IsAnError()
    {
        var misplaced = ":20:STMT-1\r\n:25:DE89370400440532013000\r\n:61:240115C12,50NTRFREF1//B1\r\n:60F:C240101EUR100,00\r\n:62F:C240131EUR112,50\r\n";

        Assert.Equal("line 3: :61: statement line before the :60F:/:60M: opening balance", BankText.Failure(misplaced));
    }

    [Fact]
    public void Read_ProseThatMerelyContainsATag_IsNotAStatement()
    {
        var error = BankText.Failure("Dear customer,\r\n:20:see attachment\r\nKind regards\r\n");

        Assert.Contains("has neither a :25: account nor balances nor entries: this is not an MT940 statement", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ProseAfterAMessage_IsAnError()
    {
        var error = BankText.Failure(Whole + "-\r\nPlease call us if anything is unclear.\r\n");

        Assert.Contains("expected a SWIFT field tag such as :20: or :61:, found \"Please call us if anything is unclear.\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TagWithoutAnyStatementFields_IsNotAStatement()
    {
        Assert.Contains("has neither a :25: account nor balances nor entries", BankText.Failure("Notes\r\n:20:REF\r\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BankPreambleLinesBetweenMessages_AreTolerated()
    {
        var file = Read("ABNANL2A\r\n940\r\nABNANL2A\r\n" + Whole + "-\r\nABNANL2A\r\n940\r\n" + Whole.Replace("STMT-1", "STMT-2", StringComparison.Ordinal));

        Assert.Equal(2, file.Statements.Count);
    }

    [Fact]
    public void Read_PeriodEndValueDateOnTheThirtiethOfFebruary_IsTheMonthsLastDayWithAWarning()
    {
        var file = Read(":20:S\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240131EUR0,00\r\n:61:2402300230D1,50NCHGNONREF\r\n:62F:D240229EUR1,50\r\n");

        var entry = Assert.Single(file.Statements[0].Entries);
        Assert.Equal(new DateOnly(2024, 2, 29), entry.ValueDate);
        Assert.Equal(new DateOnly(2024, 2, 29), entry.BookingDate);
        Assert.Contains("line 5: :61: value date 240230 does not exist (a period-end posting such as the 30th of February); read as 2024-02-29", file.Warnings);
    }
}
