namespace Billing.Core.Accounts;

/// <summary>
/// ISO 13616: an IBAN is a country code, two check digits and up to 30 letters or digits (15-34 in all), and the
/// whole, rearranged (first four characters moved to the end, letters as 10-35), is 1 modulo 97. Spaces are ignored.
/// </summary>
public static class IbanFormat
{
    public static bool IsValid(string? value)
    {
        var iban = (value ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]) || !iban.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var digits = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = ((remainder * (digits < 10 ? 10 : 100)) + digits) % 97;
        }

        return remainder == 1;
    }
}
