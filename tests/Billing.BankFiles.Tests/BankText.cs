using System.Text;

namespace Billing.BankFiles.Tests;

/// <summary>Parses small inline bank files for the unit tests (UTF-8 unless an encoding is given).</summary>
internal static class BankText
{
    public static BankFile Read(string content, Encoding? encoding = null) =>
        BankFileReader.Read(new MemoryStream((encoding ?? new UTF8Encoding(false)).GetBytes(content)));

    public static BankFile Read(byte[] content, BankFileReaderOptions? options = null) => BankFileReader.Read(new MemoryStream(content), options);

    /// <summary>The single entry of the single statement.</summary>
    public static StatementEntry SingleEntry(string content) => Assert.Single(Assert.Single(Read(content).Statements).Entries);

    /// <summary>The message of the <see cref="BankFileFormatException"/> that reading <paramref name="content"/> throws.</summary>
    public static string Failure(string content) =>
        Assert.Throws<BankFileFormatException>(() => Read(content)).Message;
}
