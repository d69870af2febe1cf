using Billing.BankFiles.Nacha;

namespace Billing.BankFiles.Tests.Nacha;

/// <summary>NACHA returns (addenda 99) and notifications of change (addenda 98), built from fixed-width records.</summary>
public sealed class NachaParserTests
{
    private static readonly string _fileHeader = Record('1', (2, "01"), (4, " 091000019"), (14, " 123456789"), (24, "2401311200"), (34, "A094101"), (41, "FIRST BANK"), (64, "MY COMPANY"));
    private static readonly string _batchHeader = Record('5', (2, "200"), (5, "MY COMPANY"), (41, "1234567890"), (51, "PPD"), (54, "RETURNS"), (70, "240201"));

    /// <summary>A 94-character record with <paramref name="type"/> at position 1 and each value at its 1-based position.</summary>
    private static string Record(char type, params (int Position, string Value)[] fields)
    {
        var chars = new string(' ', 94).ToCharArray();
        chars[0] = type;
        foreach (var (position, value) in fields)
        {
            value.CopyTo(0, chars, position - 1, value.Length);
        }

        return new string(chars);
    }

    private static string Entry(string transactionCode, string amountCents) =>
        Record('6', (2, transactionCode), (4, "09100001"), (12, "9"), (13, "ACCT-001"), (30, amountCents.PadLeft(10, '0')), (40, "CUST-7"), (55, "JANE DOE"), (79, "1"), (80, "091000010000001"));

    private static BankFile Read(params string[] body) => BankText.Read(File(body));

    private static string File(params string[] body)
    {
        var (batchControl, fileControl) = Controls(body);
        return string.Join("\n", [_fileHeader, _batchHeader, .. body, batchControl, fileControl]) + "\n";
    }

    /// <summary>The 8 batch control and 9 file control records that state what <paramref name="body"/> holds.</summary>
    private static (string Batch, string File) Controls(string[] body)
    {
        long count = 0, hash = 0, debits = 0, credits = 0;
        foreach (var record in body)
        {
            count += record[0] is '6' or '7' ? 1 : 0;
            if (record[0] == '6')
            {
                hash += long.Parse(record.AsSpan(3, 8), System.Globalization.CultureInfo.InvariantCulture);
                var cents = long.Parse(record.AsSpan(29, 10), System.Globalization.CultureInfo.InvariantCulture);
                var credit = int.Parse(record.AsSpan(1, 2), System.Globalization.CultureInfo.InvariantCulture) % 10 is >= 1 and <= 4;
                credits += credit ? cents : 0;
                debits += credit ? 0 : cents;
            }
        }

        string D(long value, int width) => value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
        return (Record('8', (2, "200"), (5, D(count, 6)), (11, D(hash, 10)), (21, D(debits, 12)), (33, D(credits, 12))),
            Record('9', (2, "000001"), (8, "000001"), (14, D(count, 8)), (22, D(hash, 10)), (32, D(debits, 12)), (44, D(credits, 12))));
    }

    [Fact]
    public void Parse_ReturnAddenda99_IsAReturnWithItsReasonCode()
    {
        var file = Read(Entry("26", "12345"), Record('7', (2, "99"), (4, "R01"), (7, "091000019999999"), (28, "09100001"), (36, "INSUFFICIENT FUNDS")));

        Assert.Equal(BankFileFormat.Nacha, file.Format);
        var entry = Assert.Single(file.AchEntries);
        Assert.Equal(AchEntryKind.Return, entry.Kind);
        Assert.Equal("R01", entry.ReturnCode);
        Assert.Equal("091000019999999", entry.OriginalTraceNumber);
        Assert.Equal("09100001", entry.OriginalReceivingDfi);
        Assert.Equal("INSUFFICIENT FUNDS", entry.AddendaInformation);
        Assert.Equal(-123.45m, entry.Amount);
        Assert.Equal("PPD", entry.SecCode);
        Assert.Equal(new DateOnly(2024, 2, 1), entry.EffectiveDate);
        Assert.Equal(1, file.AchBatchCount);
    }

    [Fact]
    public void Parse_NotificationOfChange98_CarriesTheCorrectedData()
    {
        var file = Read(Entry("21", "0"), Record('7', (2, "98"), (4, "C02"), (7, "091000019999998"), (28, "09100001"), (36, "123456780")));

        var entry = Assert.Single(file.AchEntries);
        Assert.Equal(AchEntryKind.NotificationOfChange, entry.Kind);
        Assert.Equal("C02", entry.ChangeCode);
        Assert.Equal("123456780", entry.CorrectedData);
        Assert.Null(entry.ReturnCode);
        Assert.Equal("JANE DOE", entry.IndividualName);
        Assert.Equal("ACCT-001", entry.AccountNumber);
    }

    [Theory]
    [InlineData("21", "1.00")]
    [InlineData("22", "1.00")]
    [InlineData("26", "-1.00")]
    [InlineData("27", "-1.00")]
    public void Parse_TransactionCode_SignsTheAmount(string code, string amount)
    {
        var entry = Assert.Single(Read(Entry(code, "100")).AchEntries);

        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), entry.Amount);
    }

    [Fact]
    public void Parse_AddendaWithoutEntry_NamesTheLine()
    {
        Assert.Equal("line 3: 7 addenda record without a 6 entry", Assert.Throws<BankFileFormatException>(() => Read(Record('7', (2, "99"), (4, "R01")))).Message);
    }

    [Fact]
    public void Parse_MissingFileControl_IsTruncated()
    {
        var (batchControl, _) = Controls([Entry("21", "100")]);
        var content = string.Join("\n", _fileHeader, _batchHeader, Entry("21", "100"), batchControl) + "\n";

        Assert.Equal("line 4: expected the 9 file control record: the file is truncated", BankText.Failure(content));
    }

    [Fact]
    public void Parse_BatchControlStatingOtherTotals_NamesBothFigures()
    {
        var content = File(Entry("22", "100"), Entry("27", "250"));
        var altered = content.Replace(Entry("27", "250"), Entry("27", "205"), StringComparison.Ordinal);

        Assert.Equal("line 5: 8 batch control states total debit amount (cents) 250, the records add up to 205: the file is not whole", BankText.Failure(altered));
    }

    [Fact]
    public void Parse_LostEntry_IsRefusedByTheEntryCount()
    {
        var content = File(Entry("22", "100"), Entry("22", "100"));
        var lost = content.Remove(content.IndexOf(Entry("22", "100"), StringComparison.Ordinal), 95);

        Assert.Equal("line 4: 8 batch control states entry/addenda count 2, the records add up to 1: the file is not whole", BankText.Failure(lost));
    }

    [Fact]
    public void Parse_FileControlStatingAnotherBatchCount_NamesBothFigures()
    {
        var content = File(Entry("22", "100"));
        var (_, fileControl) = Controls([Entry("22", "100")]);
        var altered = content.Replace(fileControl, "9000002" + fileControl[7..], StringComparison.Ordinal);

        Assert.Equal("line 5: 9 file control states batch count \"000002\", the file has 1 batches: the file is not whole", BankText.Failure(altered));
    }
}
