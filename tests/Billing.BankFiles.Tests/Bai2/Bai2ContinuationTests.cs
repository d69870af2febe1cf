namespace Billing.BankFiles.Tests.Bai2;

/// <summary>88 continuation records of every shape banks send, and how the trailers count them.</summary>
public sealed class Bai2ContinuationTests
{
    private const string FileHeader = "01,SENDER,RECEIVER,240131,1200,FILE1,80,1,2/\n";

    /// <summary>A file with one group (header <paramref name="group"/>, its 88s included) and one account (03 to its last 16/88).</summary>
    private static string File(string account, long total, int accountRecords, string group = "02,RECEIVER,BANK,1,240131,2400,USD,2/\n")
    {
        var groupRecords = group.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return FileHeader + group + account
            + $"49,{total},{accountRecords}/\n98,{total},1,{accountRecords + groupRecords + 1}/\n99,{total},1,{accountRecords + groupRecords + 3}/\n";
    }

    private static StatementEntry Detail(string lines, long total, int accountRecords) =>
        Assert.Single(Assert.Single(BankText.Read(File("03,123456789,USD/\n" + lines, total, accountRecords)).Statements).Entries);

    [Fact]
    public void Read_TextOfA16OverSeveral88s_JoinsThePartsWithOneSpace()
    {
        var entry = Detail("16,142,1000,0,B1,C1,INVOICE INV-2026-000001\n88,AND INV-2026-000002\n88,ACME TRADING/\n", 1000, 4 + 1);

        Assert.Equal("INVOICE INV-2026-000001 AND INV-2026-000002 ACME TRADING", entry.Details);
        Assert.Equal("B1", entry.AccountServicerReference);
    }

    [Fact]
    public void Read_16EndingBeforeItsReferences_TakesReferencesAndTextFromThe88()
    {
        // The BAI2 sample: the 16 ends with '/' after its funds distribution; its references and text follow in 88s.
        var entry = Detail("16,115,10000000,S,5000000,4000000,1000000/\n88,AX13612,B096132,AMALGAMATED CORP. LOCKBOX\n88,DEPOSIT-MISC. RECEIVABLES\n", 10000000, 5);

        Assert.Equal("AX13612", entry.AccountServicerReference);
        Assert.Equal("B096132", entry.EntryReference);
        Assert.Equal("AMALGAMATED CORP. LOCKBOX DEPOSIT-MISC. RECEIVABLES", entry.Details);
    }

    [Fact]
    public void Read_TypeCodeAndAmountOfA03SummarySplitAcross88s_PairsThemUp()
    {
        // The BAI2 sample: type code 190 ends the 03, its amount starts the next 88.
        var file = BankText.Read(File("03,9876543210,,010,-500000,,,100,1000000,,,400,2000000,,,190/\n88,500000,,,110,1000000,,,072,500000,,,074,500000,,,040/\n88,-1500000,,/\n", 3500000, 4));

        var statement = Assert.Single(file.Statements);
        Assert.Equal(["010", "100", "400", "190", "110", "072", "074", "040"], statement.Balances.Select(b => b.Type));
        Assert.Equal(5000m, statement.Balances.Single(b => b.Type == "190").Amount);
        Assert.Equal(-15000m, statement.Balances.Single(b => b.Type == "040").Amount);
        Assert.Equal(-5000m, statement.OpeningBalance!.Amount);
    }

    [Fact]
    public void Read_88AfterTheGroupHeader_ContinuesItsFields()
    {
        var file = BankText.Read(File("03,123456789/\n16,142,1000,0,B1,C1,TEXT/\n", 1000, 3, group: "02,RECEIVER,BANK,1,240131/\n88,2400,EUR,2/\n"));

        var statement = Assert.Single(file.Statements);
        Assert.Equal("EUR", statement.Currency);
        Assert.Equal(TimeOnly.MaxValue, statement.Bai2Group!.AsOfTime);
    }

    [Theory]
    [InlineData("88,/")]
    [InlineData("88,")]
    [InlineData("88")]
    [InlineData("88/")]
    public void Read_Empty88_AddsNothingButCountsAsARecord(string empty)
    {
        var file = BankText.Read(File($"03,123456789,USD,010,50000,,/\n{empty}\n88,015,75000,,/\n16,142,1000,0,B1,C1,FIRST/\n{empty}\n88,SECOND/\n", 126000, 7));

        var statement = Assert.Single(file.Statements);
        Assert.Equal(500m, statement.OpeningBalance!.Amount);
        Assert.Equal(750m, statement.ClosingBalance!.Amount);
        Assert.Equal("FIRST SECOND", Assert.Single(statement.Entries).Details);
    }

    [Fact]
    public void Read_TextWithSlashesAcross88s_KeepsTheSlashesAndDropsOnlyTheFinalOne()
    {
        var entry = Detail("16,142,1000,0,B1,C1,PAYMENT 12/2025\n88,REF A/B / PART 1/2/\n", 1000, 4);

        Assert.Equal("PAYMENT 12/2025 REF A/B / PART 1/2", entry.Details);
    }

    [Fact]
    public void Read_TextSlashFollowedByANumberAndComma_IsNotTakenForANewRecord()
    {
        var entry = Detail("16,142,1000,0,B1,C1,FEES 2025/ 10,00 USD INCL/\n", 1000, 3);

        Assert.Equal("FEES 2025/ 10,00 USD INCL", entry.Details);
    }

    [Fact]
    public void Read_TrailerCountingWithout88s_IsRefusedNamingBothCounts()
    {
        var content = File("03,123456789,USD/\n16,142,1000,0,B1,C1,FIRST\n88,SECOND/\n", 1000, 4).Replace("49,1000,4/", "49,1000,3/", StringComparison.Ordinal);

        Assert.Contains("49 account trailer of 123456789: counts 3 records, the account has 4", BankText.Failure(content), StringComparison.Ordinal);
    }
}
