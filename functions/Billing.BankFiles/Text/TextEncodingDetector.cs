using System.Text;

namespace Billing.BankFiles.Text;

/// <summary>
/// Picks the encoding of a text bank file from its first bytes: a BOM wins; otherwise bytes that are valid
/// UTF-8 are UTF-8; anything else is Windows-1252 (a superset of the printable ISO-8859-1 range, which is what
/// European banks mean when they say "Latin-1").
/// </summary>
internal static class TextEncodingDetector
{
    private static readonly Lazy<Encoding> _windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Windows-1252, registered from the code-pages provider on first use.</summary>
    public static Encoding Windows1252 => _windows1252.Value;

    /// <summary>Returns the encoding and the length of the byte-order mark to skip.</summary>
    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> prefix, bool prefixIsWholeFile)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false), 3);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return (IsUtf8(prefix, prefixIsWholeFile) ? new UTF8Encoding(false) : Windows1252, 0);
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            var length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
            if (length == 0 || (b >= 0xE0 && b < 0xF0 && length != 3))
            {
                return false;
            }

            if (i + length > bytes.Length)
            {
                // A sequence cut by the end of the sample is fine unless the sample is the whole file.
                return !complete;
            }

            for (var k = 1; k < length; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return false;
                }
            }

            i += length;
        }

        return true;
    }
}
