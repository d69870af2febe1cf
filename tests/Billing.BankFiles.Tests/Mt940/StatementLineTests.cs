namespace Billing.BankFiles.Tests.Mt940;

/// <summary>The :61: statement line, one variant per row, read through a minimal MT940 statement.</summary>
public sealed class StatementLineTests
{
    private static StatementEntry Entry(string line61, string? continuation = null) => BankText.SingleEntry(
        ":20:STMT\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240101EUR100,00\r\n"
        + $":61:{line61}\r\n" + (continuation is null ? string.Empty : continuation + "\r\n")
        + ":62F:C240131EUR100,00\r\n");

    public static TheoryData<string, string, string, bool, bool> Marks => new()
    {
        // line, expected mark, expected amount, credit, reversal
        { "240115C12,50NTRFREF", "C", "12.50", true, false },
        { "240115D12,50NTRFREF", "D", "-12.50", false, false },
        { "240115RC12,50NTRFREF", "RC", "-12.50", false, true },
        { "240115RD12,50NTRFREF", "RD", "12.50", true, true },
    };

    [Theory]
    [MemberData(nameof(Marks))]
    public void Parse_DebitCreditMark_SetsSignAndReversal(string line, string mark, string amount, bool credit, bool reversal)
    {
        var entry = Entry(line);

        Assert.Equal(mark, entry.CreditDebitMark);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), entry.Amount);
        Assert.Equal(credit, entry.IsCredit);
        Assert.Equal(reversal, entry.IsReversal);
    }

    [Theory]
    [InlineData("2401150116C1,00NTRF", "2024-01-15", "2024-01-16")]
    [InlineData("2312311231C1,00NTRF", "2023-12-31", "2023-12-31")]
    [InlineData("2401011229D1,00NTRF", "2024-01-01", "2023-12-29")]
    [InlineData("2312310102C1,00NTRF", "2023-12-31", "2024-01-02")]
    public void Parse_EntryDate_TakesTheValueDateYearAcrossTheYearEnd(string line, string valueDate, string bookingDate)
    {
        var entry = Entry(line);

        Assert.Equal(DateOnly.Parse(valueDate, System.Globalization.CultureInfo.InvariantCulture), entry.ValueDate);
        Assert.Equal(DateOnly.Parse(bookingDate, System.Globalization.CultureInfo.InvariantCulture), entry.BookingDate);
    }

    [Fact]
    public void Parse_WithoutEntryDate_LeavesBookingDateEmpty()
    {
        var entry = Entry("240115C1,00NTRF");

        Assert.Equal(new DateOnly(2024, 1, 15), entry.ValueDate);
        Assert.Null(entry.BookingDate);
    }

    [Theory]
    [InlineData("791231C1,00NTRF", 2079)]
    [InlineData("800101C1,00NTRF", 1980)]
    [InlineData("000229C1,00NTRF", 2000)]
    [InlineData("991231C1,00NTRF", 1999)]
    public void Parse_TwoDigitYear_PivotsAt80(string line, int year)
    {
        Assert.Equal(year, Entry(line).ValueDate!.Value.Year);
    }

    [Theory]
    [InlineData("240115CR12,50NTRF", "R", "12.50")]
    [InlineData("240115DE7,NTRF", "E", "-7")]
    [InlineData("240115C7,NTRF", null, "7")]
    [InlineData("240115C1234567,89NTRF", null, "1234567.89")]
    [InlineData("240115C500NTRF", null, "500")]
    public void Parse_FundsCodeAndAmount_AreSeparated(string line, string? fundsCode, string amount)
    {
        var entry = Entry(line);

        Assert.Equal(fundsCode, entry.FundsCode);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), entry.Amount);
    }

    [Theory]
    [InlineData("240115C1,00NTRFKREF123//BANK456", "KREF123", "BANK456")]
    [InlineData("240115C1,00NTRFNONREF//8327000090031789", "NONREF", "8327000090031789")]
    [InlineData("240115C1,00NMSC//BANKONLY", null, "BANKONLY")]
    [InlineData("240115C1,00NTRFCUSTONLY", "CUSTONLY", null)]
    public void Parse_References_SplitAtDoubleSlash(string line, string? customer, string? bank)
    {
        var entry = Entry(line);

        Assert.Equal(customer, entry.EntryReference);
        Assert.Equal(bank, entry.AccountServicerReference);
        Assert.Equal(4, entry.BankTransactionCode!.Length);
    }

    [Fact]
    public void Parse_ContinuationLine_IsTheSupplementaryDetails()
    {
        var entry = Entry("240115C1,00NTRFREF//BANK", "/OCMT/EUR1,00/");

        Assert.Equal("/OCMT/EUR1,00/", entry.SupplementaryDetails);
        Assert.Equal("BANK", entry.AccountServicerReference);
    }

    [Fact]
    public void Parse_SpaceBeforeTypeCode_IsTolerated()
    {
        var entry = Entry("240115D3,00 NTRFREF");

        Assert.Equal("NTRF", entry.BankTransactionCode);
        Assert.Equal("REF", entry.EntryReference);
    }

    [Theory]
    [InlineData("2401", "line 5: :61: expected the value date YYMMDD")]
    [InlineData("241315C1,00NTRF", "line 5: :61: expected the value date YYMMDD")]
    [InlineData("240115X1,00NTRF", "line 5: :61: expected the debit/credit mark C, D, RC or RD")]
    [InlineData("240115CNTRF", "line 5: :61: expected an amount (digits with a decimal comma) after the debit/credit mark")]
    [InlineData("240115C1,00NT", "line 5: :61: expected the transaction type code (e.g. NTRF) after the amount")]
    [InlineData("2401151399C1,00NTRF", "line 5: :61: expected the entry date MMDD")]
    public void Parse_MalformedLine_NamesLineAndExpectation(string line, string message)
    {
        var failure = BankText.Failure($":20:STMT\r\n:25:ACC\r\n:28C:1\r\n:60F:C240101EUR0,00\r\n:61:{line}\r\n-}}\r\n");

        Assert.Equal(message, failure);
    }
}
