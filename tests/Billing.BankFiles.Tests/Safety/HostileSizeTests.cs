namespace Billing.BankFiles.Tests.Safety;

/// <summary>
/// Hostile files of 200 MB tokens: each is refused with the position and the limit named, after reading little more
/// than the limit (the memory this costs is measured with the CLI, see the README's speed section).
/// </summary>
public sealed class HostileSizeTests
{
    private const long Huge = 200L * 1024 * 1024;
    private const string CamtHead = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
        <BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2024-01-31T18:00:00</CreDtTm></GrpHdr>
        <Stmt><Id>S</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
        """;

    private const string CamtTail = "</Stmt></BkToCstmrStmt></Document>\n";

    public static TheoryData<string, string, string, string> CamtShapes() => new()
    {
        { "an attribute value", CamtHead + "<Ntry><Amt Ccy=\"", "A", "\">1.00</Amt></Ntry>" + CamtTail },
        { "an element name", CamtHead + "<Ntry><Amt", "A", ">1.00</Amt></Ntry>" + CamtTail },
        { "a remittance text", CamtHead + "<Ntry><NtryDtls><TxDtls><RmtInf><Ustrd>", "A", "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>" + CamtTail },
        { "a comment", CamtHead + "<!--", "A", "-->" + CamtTail },
        { "a CDATA section", CamtHead + "<AddtlStmtInf><![CDATA[", "A", "]]></AddtlStmtInf>" + CamtTail },
        { "whitespace between elements", CamtHead, " ", CamtTail },
        { "an attribute value holding '>'", CamtHead + "<Ntry><Amt Ccy=\"", ">", "\">1.00</Amt></Ntry>" + CamtTail },
    };

    [Theory]
    [MemberData(nameof(CamtShapes))]
    public void Read_CamtWith200MegabyteToken_IsRefusedNamingLineAndLimitAfterReadingLittle(string shape, string prefix, string filler, string suffix)
    {
        var stream = new HostileStream(prefix, filler, Huge, suffix);

        var error = Assert.Throws<BankFileFormatException>(() => BankFileReader.Read(stream));

        Assert.StartsWith("line ", error.Position, StringComparison.Ordinal);
        Assert.Contains(BankFileReaderOptions.Default.MaxXmlTokenLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead < 4 * 1024 * 1024, $"{shape}: read {stream.BytesRead} bytes before refusing");
    }

    [Fact]
    public void Read_CamtInventingMillionsOfElementNames_IsRefusedAtTheNameLimit()
    {
        var names = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"<X{i:D12}/>"));

        var error = Assert.Throws<BankFileFormatException>(() => BankText.Read(CamtHead + names + CamtTail));

        Assert.Contains("distinct XML element and attribute names", error.Message, StringComparison.Ordinal);
        Assert.Contains(BankFileReaderOptions.Default.MaxXmlNameCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CamtWithTokensUnderTheLimit_StillParses()
    {
        var options = new BankFileReaderOptions { MaxXmlTokenLength = 4096 };
        var text = new string('x', 1000);
        var document = CamtHead + $"<!-- {text} --><AddtlStmtInf><![CDATA[{text}]]></AddtlStmtInf>" + CamtTail;

        var file = BankText.Read(System.Text.Encoding.UTF8.GetBytes(document), options);

        Assert.Equal(text, Assert.Single(file.Statements).AdditionalInfo);
    }

    public static TheoryData<string, string> LineFormats() => new()
    {
        { "mt940", ":20:STMT\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240101EUR0,00\r\n:86:" },
        { "bai2", "01,SENDER,RECEIVER,240131,1200,1,80,1,2/\n02,RECEIVER,BANK,1,240131,2400,USD,2/\n03,1,USD/\n16,142,100,0,B,C," },
        { "csv", "Date,Description,Amount\n2024-01-31,First,1.00\n2024-01-31," },
        { "nacha", NachaPrefix() },
    };

    /// <summary>A NACHA header, batch header and enough entries that the long line lies beyond what format detection looks at.</summary>
    private static string NachaPrefix()
    {
        var entry = ("622" + "091000019" + "12345678901234567" + "0000001000" + "ID0001         JOHN DOE").PadRight(94) + "\n";
        return "101 091000019 0910000191801011200A094101BANK                   COMPANY".PadRight(94) + "\n"
            + "5200COMPANY                             1234567890PPDPAYROLL         240131   1091000010000001".PadRight(94) + "\n"
            + string.Concat(Enumerable.Repeat(entry, 250)) + "7";
    }

    [Theory]
    [MemberData(nameof(LineFormats))]
    public void Read_LineFormatWith200MegabyteLine_IsRefusedNamingLineAndLimitAfterReadingLittle(string format, string prefix)
    {
        var stream = new HostileStream(prefix, "A", Huge, "\n");

        var error = Assert.Throws<BankFileFormatException>(() => BankFileReader.Read(stream));

        Assert.StartsWith("line ", error.Position, StringComparison.Ordinal);
        Assert.Contains($"longer than {BankFileReaderOptions.Default.MaxLineLength} characters", error.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead < 4 * 1024 * 1024, $"{format}: read {stream.BytesRead} bytes before refusing");
    }
}
