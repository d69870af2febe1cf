namespace Billing.BankFiles.Tests.Camt;

/// <summary>Every camt.052/053/054 namespace from .001.02 to .001.13 is recognised; anything else is named in the error.</summary>
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
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.053.001.01")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.053.001.14")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.055.001.08")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09")]
    [InlineData("")]
    public void Recognise_UnknownNamespace_IsRejectedNamingIt(string namespaceUri)
    {
        var message = BankText.Failure($"<Document xmlns=\"{namespaceUri}\"><BkToCstmrStmt/></Document>");

        Assert.Equal($"line 1, /Document: unsupported namespace \"{namespaceUri}\": expected urn:iso:std:iso:20022:tech:xsd:camt.052/053/054.001.02 to .001.13", message);
    }
}
