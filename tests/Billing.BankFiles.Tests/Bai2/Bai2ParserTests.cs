namespace Billing.BankFiles.Tests.Bai2;

/// <summary>BAI2 records 01/02/03/16/88/49/98/99, one behaviour per test, with the trailers made consistent.</summary>
public sealed class Bai2ParserTests
{
    private const string FileHeader = "01,SENDER,RECEIVER,240131,1200,FILE1,80,1,2/\n";
    private const string GroupHeader = "02,RECEIVER,BANK,1,240131,2400,USD,2/\n";

    /// <summary>A file with one group and one account whose body lines are <paramref name="accountBody"/> (03 to 16/88 lines).</summary>
    private static string File(string accountBody, long total, int accountRecords)
    {
        var fileRecords = accountRecords + 4;
        return FileHeader + GroupHeader + accountBody
            + $"49,{total},{accountRecords}/\n98,{total},1,{accountRecords + 2}/\n99,{total},1,{fileRecords}/\n";
    }

    private static StatementEntry Detail(string record16) =>
        Assert.Single(Assert.Single(BankText.Read(File("03,123456789,USD/\n" + record16 + "\n", ParseTotal(record16), 3)).Statements).Entries);

    private static long ParseTotal(string record16) => long.Parse(record16.Split(',')[2].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Parse_HeaderRecords_FillFileAndGroupInformation()
    {
        var file = BankText.Read(File("03,123456789,USD/\n16,142,1000,0,B1,C1,Text/\n", 1000, 3));

        Assert.Equal(BankFileFormat.Bai2, file.Format);
        Assert.Equal("SENDER", file.Bai2File!.Sender);
        Assert.Equal("FILE1", file.Bai2File.FileId);
        Assert.Equal(new DateOnly(2024, 1, 31), file.Bai2File.CreationDate);
        var statement = Assert.Single(file.Statements);
        Assert.Equal("123456789", statement.Account);
        Assert.Equal("USD", statement.Currency);
        Assert.Equal(TimeOnly.MaxValue, statement.Bai2Group!.AsOfTime);
        Assert.Empty(file.Warnings);
    }

    [Theory]
    [InlineData("16,142,1000,0,B1,C1,Text/", true, "10.00")]
    [InlineData("16,100,1000,0,B1,C1,Text/", true, "10.00")]
    [InlineData("16,399,1000,0,B1,C1,Text/", true, "10.00")]
    [InlineData("16,400,1000,0,B1,C1,Text/", false, "-10.00")]
    [InlineData("16,699,1000,0,B1,C1,Text/", false, "-10.00")]
    [InlineData("16,920,1000,0,B1,C1,Text/", true, "10.00")]
    [InlineData("16,960,1000,0,B1,C1,Text/", false, "-10.00")]
    public void Parse_TypeCodeRange_DecidesCreditOrDebit(string record, bool credit, string amount)
    {
        var entry = Detail(record);

        Assert.Equal(credit, entry.IsCredit);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), entry.Amount);
        Assert.Equal(credit ? "credit" : "debit", entry.CreditDebitMark);
    }

    [Theory]
    [InlineData("16,142,1000,0,BANK,CUST,Text/", "0", "BANK", "CUST")]
    [InlineData("16,142,1000,1,BANK,CUST,Text/", "1", "BANK", "CUST")]
    [InlineData("16,142,1000,2,BANK,CUST,Text/", "2", "BANK", "CUST")]
    [InlineData("16,142,1000,Z,BANK,CUST,Text/", "Z", "BANK", "CUST")]
    [InlineData("16,142,1000,S,500,300,200,BANK,CUST,Text/", "S", "BANK", "CUST")]
    [InlineData("16,142,1000,V,240202,1200,BANK,CUST,Text/", "V", "BANK", "CUST")]
    [InlineData("16,142,1000,D,2,1,600,2,400,BANK,CUST,Text/", "D", "BANK", "CUST")]
    public void Parse_FundsType_ShiftsTheReferencesPastItsFields(string record, string funds, string bankReference, string customerReference)
    {
        var entry = Detail(record);

        Assert.Equal(funds, entry.FundsCode);
        Assert.Equal(bankReference, entry.AccountServicerReference);
        Assert.Equal(customerReference, entry.EntryReference);
        Assert.Equal("Text", entry.RemittanceInfo);
    }

    [Fact]
    public void Parse_FundsTypeV_SetsTheAvailabilityDate()
    {
        var entry = Detail("16,142,1000,V,240202,1200,BANK,CUST,Text/");

        Assert.Equal(new DateOnly(2024, 2, 2), entry.FundsDate);
        Assert.Equal(new DateOnly(2024, 2, 2), entry.ValueDate);
    }

    [Fact]
    public void Parse_SlashInsideText_IsPartOfTheText()
    {
        Assert.Equal("Invoice 12/34 paid", Detail("16,142,1000,0,B,C,Invoice 12/34 paid/").RemittanceInfo);
    }

    [Fact]
    public void Parse_MissingTerminatingSlash_EndsTheRecordAtTheLineEnd()
    {
        var file = BankText.Read(File("03,123456789,USD\n16,142,1000,0,B,C,Text without slash\n", 1000, 3));

        Assert.Equal("Text without slash", file.Statements.Single().Entries.Single().RemittanceInfo);
    }

    [Fact]
    public void Parse_Continuation88OfA16_AppendsTextWithASpace()
    {
        var file = BankText.Read(File("03,123456789,USD/\n16,142,1000,0,B,C,First part/\n88,second part/\n", 1000, 4));

        Assert.Equal("First part second part", file.Statements.Single().Entries.Single().RemittanceInfo);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void Parse_Continuation88OfA03_AddsMoreSummaries()
    {
        var file = BankText.Read(File("03,123456789,USD,010,50000,,/\n88,015,75000,,/\n", 125000, 3));

        var statement = Assert.Single(file.Statements);
        Assert.Equal(500.00m, statement.OpeningBalance!.Amount);
        Assert.Equal(750.00m, statement.ClosingBalance!.Amount);
        Assert.Equal(["010", "015"], statement.Balances.Select(b => b.Type));
    }

    [Fact]
    public void Parse_SeveralRecordsOnOnePhysicalLine_AreSeparateRecords()
    {
        var file = BankText.Read(FileHeader + GroupHeader + "03,123456789,USD/ 16,142,1000,0,B1,C1,One/ 16,451,400,0,B2,C2,Two/\n"
            + "49,1400,4/ 98,1400,1,6/ 99,1400,1,8/\n");

        Assert.Equal(["One", "Two"], file.Statements.Single().Entries.Select(e => e.RemittanceInfo));
        Assert.Equal([10.00m, -4.00m], file.Statements.Single().Entries.Select(e => e.Amount));
    }

    [Fact]
    public void Parse_AccountControlTotalMismatch_IsRefusedNamingBothFigures()
    {
        var failure = BankText.Failure(FileHeader + GroupHeader + "03,123456789,USD/\n16,142,1000,0,B,C,Text/\n49,999,3/\n98,999,1,5/\n99,999,1,7/\n");

        Assert.Equal("line 5: 49 account trailer of 123456789: control total 9.99 differs from the sum of the account's amounts 10.00", failure);
    }

    [Fact]
    public void Parse_GroupTrailerStatingAnotherTotal_IsRefusedNamingBothFigures()
    {
        var failure = BankText.Failure(FileHeader + GroupHeader + "03,123456789,USD/\n16,142,1000,0,B,C,Text/\n49,1000,3/\n98,1001,1,5/\n99,1001,1,7/\n");

        Assert.Equal("line 6: 98 group trailer: control total 10.01 differs from the sum of the group's account totals 10.00", failure);
    }

    [Fact]
    public void Parse_FileTrailerCountingAnotherNumberOfRecords_IsRefused()
    {
        var failure = BankText.Failure(FileHeader + GroupHeader + "03,123456789,USD/\n16,142,1000,0,B,C,Text/\n49,1000,3/\n98,1000,1,5/\n99,1000,1,6/\n");

        Assert.Equal("line 7: 99 file trailer: counts 6 records, the file has 7", failure);
    }

    [Fact]
    public void Parse_RecordCountMismatch_IsRefusedNamingBothFigures()
    {
        var failure = BankText.Failure(FileHeader + GroupHeader + "03,123456789,USD/\n16,142,1000,0,B,C,Text/\n49,1000,9/\n98,1000,1,5/\n99,1000,1,7/\n");

        Assert.Equal("line 5: 49 account trailer of 123456789: counts 9 records, the account has 3", failure);
    }

    [Theory]
    [InlineData("16,ABC,1000,0,B,C,T/", "line 4: 16 record: expected a type code, found \"ABC\"")]
    [InlineData("16,142,12x4,0,B,C,T/", "line 4: record 16: expected an amount in minor units, found \"12x4\"")]
    [InlineData("17,142,1000/", "line 4: unsupported record type 17: expected 02, 03, 16, 88, 49, 98 or 99")]
    public void Parse_MalformedDetail_NamesLineAndExpectation(string record, string message)
    {
        Assert.Equal(message, BankText.Failure(File("03,123456789,USD/\n" + record + "\n", 0, 3)));
    }

    [Fact]
    public void Parse_MissingFileTrailer_IsTruncated()
    {
        Assert.Equal("end of file: expected the 99 file trailer: the file is truncated", BankText.Failure(FileHeader + GroupHeader + "03,1,USD/\n49,0,2/\n98,0,1,4/\n"));
    }

    [Fact]
    public void Parse_DetailBeforeAccount_IsRejected()
    {
        Assert.Equal("line 3: 16 detail record outside an account: expected a 03 record first", BankText.Failure(FileHeader + GroupHeader + "16,142,1,0,B,C,T/\n99,0,1,3/\n"));
    }
}
