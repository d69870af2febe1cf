namespace Billing.BankFiles.Text;

/// <summary>Recognises the shape of an IBAN (two letters, two check digits, 11-30 alphanumerics) without validating the checksum.</summary>
internal static class IbanText
{
    public static bool LooksLikeIban(ReadOnlySpan<char> text)
    {
        if (text.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]) || !char.IsAsciiDigit(text[2]) || !char.IsAsciiDigit(text[3]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
