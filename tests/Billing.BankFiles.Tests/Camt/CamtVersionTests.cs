namespace Billing.BankFiles.Tests.Camt;

/// <summary>Every camt.052/053/054 namespace from .001.01 to .001.13 is recognised; anything else is named in the error.</summary>
public sealed class CamtVersionTests
{
    public static TheoryData<int, string> Versions()
    {
        var data = new TheoryData<int, string>();
        foreach (var message in new[] { 2, 3, 4 })
        {
            for (var version = 2; version <= 13; version++)
            {
                data.Add(message, version.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Recognise_PublishedVersion_ReadsTheDocument(int message, string version)
    {
        var file = BankText.Read(CamtDocument.Create(CamtDocument.Entry(string.Empty), message, version));

        Assert.Equal(message switch { 2 => BankFileFormat.Camt052, 3 => BankFileFormat.Camt053, _ => BankFileFormat.Camt054 }, file.Format);
        Assert.Equal($"camt.05{message}.001.{version}", file.FormatVersion);
        Assert.Equal(10.00m, Assert.Single(Assert.Single(file.Statements).Entries).Amount);
    }

    [Theory]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.053.001.00")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.053.001.14")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.055.001.08")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09")]
    [InlineData("")]
    public void Recognise_UnknownNamespace_IsRejectedNamingIt(string namespaceUri)
    {
        var message = BankText.Failure($"<Document xmlns=\"{namespaceUri}\"><BkToCstmrStmt/></Document>");

        Assert.Equal($"line 1, /Document: unsupported namespace \"{namespaceUri}\": expected urn:iso:std:iso:20022:tech:xsd:camt.052/053/054.001.01 to .001.13", message);
    }

    [Fact]
    public void Read_Version01WithItsV01MessageNameAndCodeUnderTp_ReadsBalancesAndEntries()
    {
        var document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.01">
              <BkToCstmrStmtV01>
                <GrpHdr><MsgId>M1</MsgId><CreDtTm>2009-06-01T18:00:00,000+02:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>S1</Id><CreDtTm>2009-06-01T18:00:00:000+02:00</CreDtTm>
                  <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
                  <Bal><Tp><Cd>OPBD</Cd></Tp><Amt Ccy="CHF">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2009-05-31</Dt></Dt></Bal>
                  <Bal><Tp><Cd>CLBD</Cd></Tp><Amt Ccy="CHF">110.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2009-06-01</Dt></Dt></Bal>
                  <Ntry><Amt Ccy="CHF">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2009-06-01</Dt></BookgDt></Ntry>
                </Stmt>
              </BkToCstmrStmtV01>
            </Document>
            """;

        var file = BankText.Read(document);

        var statement = Assert.Single(file.Statements);
        Assert.Equal("camt.053.001.01", file.FormatVersion);
        Assert.Equal(100.00m, statement.OpeningBalance!.Amount);
        Assert.Equal(110.00m, statement.ClosingBalance!.Amount);
        Assert.Equal(new DateTimeOffset(2009, 6, 1, 18, 0, 0, TimeSpan.FromHours(2)), statement.CreationTime);
        Assert.Contains(file.Warnings, w => w.Contains("separate the fractional seconds with ':'", StringComparison.Ordinal));
    }
}
