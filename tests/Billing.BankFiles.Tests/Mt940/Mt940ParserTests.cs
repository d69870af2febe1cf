namespace Billing.BankFiles.Tests.Mt940;

/// <summary>SWIFT envelopes ({1:}{2:}{4: ... -}), statement boundaries and the statement-level fields.</summary>
public sealed class Mt940ParserTests
{
    private const string Body = ":20:STMT-1\r\n:25:DE89370400440532013000\r\n:28C:00042/001\r\n:60F:C240101EUR100,00\r\n"
        + ":61:240115C12,50NTRFREF1//B1\r\n:86:166?20SVWZ+One\r\n:62F:C240131EUR112,50\r\n";

    [Fact]
    public void Parse_SwiftBlockHeadersAndTrailer_AreSkipped()
    {
        var file = BankText.Read("{1:F01BANKDEFFXXXX0000000000}{2:O9401200240131BANKDEFFXXXX00000000002401311200N}{4:\r\n" + Body + "-}{5:{CHK:123456789ABC}}\r\n");

        Assert.Equal(BankFileFormat.Mt940, file.Format);
        var statement = Assert.Single(file.Statements);
        Assert.Equal("STMT-1", statement.StatementId);
        Assert.Equal("00042", statement.StatementNumber);
        Assert.Equal("001", statement.SequenceNumber);
        Assert.Equal("DE89370400440532013000", statement.Iban);
        Assert.Equal(12.50m, Assert.Single(statement.Entries).Amount);
    }

    [Fact]
    public void Parse_BlockFourOnTheSameLineAsTheFirstTag_ReadsTheTag()
    {
        var file = BankText.Read("{1:F01BANKDEFFXXXX0000000000}{2:O940}{4::20:SAME-LINE\r\n:25:ACC\r\n:28C:1\r\n:60F:C240101EUR0,00\r\n:62F:C240101EUR0,00\r\n-}");

        Assert.Equal("SAME-LINE", Assert.Single(file.Statements).StatementId);
    }

    [Fact]
    public void Parse_SeveralMessages_GiveOneStatementEach()
    {
        var second = Body.Replace("STMT-1", "STMT-2", StringComparison.Ordinal).Replace("REF1", "REF2", StringComparison.Ordinal);
        var file = BankText.Read("{1:F01X}{2:O940}{4:\r\n" + Body + "-}\r\n{1:F01X}{2:O940}{4:\r\n" + second + "-}\r\n");

        Assert.Equal(["STMT-1", "STMT-2"], file.Statements.Select(s => s.StatementId));
        Assert.Equal(["REF1", "REF2"], file.Statements.Select(s => s.Entries.Single().EntryReference));
    }

    [Fact]
    public void Parse_SeveralStatementsWithoutEnvelope_SplitAtField20()
    {
        var file = BankText.Read(Body + Body.Replace("STMT-1", "STMT-2", StringComparison.Ordinal));

        Assert.Equal(2, file.Statements.Count);
        Assert.All(file.Statements, s => Assert.Single(s.Entries));
    }

    [Fact]
    public void Parse_Field86AfterTheClosingBalance_IsStatementInformation()
    {
        var statement = Assert.Single(BankText.Read(Body + ":86:Closing remark\r\n").Statements);

        Assert.Equal("Closing remark", statement.AdditionalInfo);
        Assert.Equal("One", statement.Entries.Single().RemittanceInfo);
    }

    [Fact]
    public void Parse_Mt942WithFloorLimit_IsAReport()
    {
        var file = BankText.Read(":20:INTRADAY\r\n:25:ACC\r\n:28C:1/1\r\n:34F:EURD0,\r\n:13D:2401311200+0100\r\n:61:240131D5,00NTRFX\r\n");

        Assert.Equal(BankFileFormat.Mt942, file.Format);
        var statement = Assert.Single(file.Statements);
        Assert.Equal(StatementKind.Report, statement.Kind);
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.FromHours(1)), statement.CreationTime);
        Assert.Equal("EUR", statement.Entries.Single().Currency);
    }

    [Fact]
    public void Parse_TooManyContinuationLines_NamesTheLineAndField()
    {
        var lines = string.Concat(Enumerable.Repeat("more text\r\n", 200));

        Assert.Equal("line 208: :86: has too many continuation lines", BankText.Failure(Body + ":86:start\r\n" + lines));
    }

    [Fact]
    public void Parse_NoSwiftFieldsAfterHeader_IsRejected()
    {
        Assert.Equal("line 1: expected SWIFT fields such as :20:, :25:, :60F:", BankText.Failure("{1:F01BANKDEFFXXXX0000000000}{2:O940}{4:\r\n-}\r\n"));
    }
}
