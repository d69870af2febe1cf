using System.Text;

namespace Billing.BankFiles.Tests;

/// <summary>The format comes from the content, never from the file name.</summary>
public sealed class FormatDetectorTests
{
    public static TheoryData<string, BankFileFormat> Samples => new()
    {
        { "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>", BankFileFormat.Camt053 },
        { "\r\n  <Document/>", BankFileFormat.Camt053 },
        { "01,SENDER,RECEIVER,240131,1200,1,80,1,2/\n", BankFileFormat.Bai2 },
        { "101 091000019 12345678902401311200A094101FIRST BANK             MY COMPANY                     \n", BankFileFormat.Nacha },
        { "{1:F01BANKDEFFXXXX0000000000}{2:O9401200240131BANKDEFFXXXX00000000002401311200N}{4:\r\n:20:X\r\n", BankFileFormat.Mt940 },
        { "Kontoauszug\r\n:20:X\r\n:25:ACC\r\n", BankFileFormat.Mt940 },
        { "{1:F01BANKDEFFXXXX0000000000}{2:O9421200240131BANKDEFFXXXX00000000002401311200N}{4:\r\n:20:X\r\n", BankFileFormat.Mt942 },
        { ":20:X\r\n:25:ACC\r\n:28C:1\r\n:34F:EURD0,\r\n:13D:2401311200+0100\r\n", BankFileFormat.Mt942 },
        { "\"Datum\";\"Buchungstext\";\"Belastung CHF\";\"Gutschrift CHF\";\"Valuta\"\n", BankFileFormat.Csv },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void DetectFormat_FromContent_NamesTheFormat(string content, BankFileFormat format)
    {
        Assert.Equal(format, BankFileReader.DetectFormat(Encoding.UTF8.GetBytes(content)));
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("Date,Text,Amount\n")]
    [InlineData("")]
    public void DetectFormat_UnknownContent_IsNull(string content)
    {
        Assert.Null(BankFileReader.DetectFormat(Encoding.UTF8.GetBytes(content)));
    }

    [Fact]
    public void Read_CsvInAFileNamedXml_IsStillCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "\"Datum\";\"Buchungstext\";\"Belastung CHF\";\"Gutschrift CHF\";\"Valuta\"\n\"31.01.2024\";\"Text\";;\"5.00\";\"31.01.2024\"\n");
        try
        {
            var file = BankFileReader.Read(path);

            Assert.Equal(BankFileFormat.Csv, file.Format);
            Assert.Equal(5.00m, file.Statements.Single().Entries.Single().Amount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_UnrecognisedContent_SaysWhatWasExpected()
    {
        Assert.Equal("line 1: unrecognised content: expected ISO 20022 XML, BAI2, MT940/MT942, NACHA or a CSV export with a header row", BankText.Failure("hello world"));
    }
}
