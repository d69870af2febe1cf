using System.Text;

namespace Billing.BankFiles.Tests.Text;

/// <summary>The text encoding of a bank file: a BOM wins, valid UTF-8 is UTF-8, anything else Windows-1252.</summary>
public sealed class TextEncodingDetectorTests
{
    /// <summary>Windows-1252 from the code-pages provider.</summary>
    public static Encoding Windows1252 { get; } = CodePage(1252);

    private const string Statement = ":20:STMT\r\n:25:ACC\r\n:28C:1\r\n:60F:C240101EUR0,00\r\n:61:240115C1,00NTRFREF\r\n:86:Zahlung Müller €5 Straße\r\n:62F:C240101EUR1,00\r\n";

    private static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private static string Details(byte[] bytes) => BankText.Read(bytes).Statements.Single().Entries.Single().Details!;

    [Fact]
    public void Detect_Utf8WithBom_SkipsTheBomAndDecodesUtf8()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Statement)).ToArray();

        Assert.Equal("Zahlung Müller €5 Straße", Details(bytes));
    }

    [Fact]
    public void Detect_Utf8WithoutBom_DecodesUtf8()
    {
        Assert.Equal("Zahlung Müller €5 Straße", Details(new UTF8Encoding(false).GetBytes(Statement)));
    }

    [Fact]
    public void Detect_Windows1252Bytes_DecodeAsWindows1252()
    {
        Assert.Equal("Zahlung Müller €5 Straße", Details(Windows1252.GetBytes(Statement)));
    }

    [Fact]
    public void Detect_Iso88591Bytes_DecodeTheLatinLettersUnchanged()
    {
        var latin1 = Statement.Replace("€", "EUR ", StringComparison.Ordinal);

        Assert.Equal("Zahlung Müller EUR 5 Straße", Details(Encoding.Latin1.GetBytes(latin1)));
    }

    [Fact]
    public void Detect_Utf16WithBom_DecodesUtf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Statement)).ToArray();

        Assert.Equal("Zahlung Müller €5 Straße", Details(bytes));
    }
}
