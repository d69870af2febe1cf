namespace Billing.Core.Matching;

/// <summary>IBAN comparison: spaces and case do not matter; the BBAN is everything after country and check digits.</summary>
public static class Ibans
{
    /// <summary>Letters and digits only, upper case ("de89 3704…" → "DE893704…").</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        Span<char> buffer = value.Length <= 128 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return buffer[..length].ToString();
    }

    /// <summary>The BBAN of a normalised IBAN (after the country code and check digits), or "" when too short.</summary>
    public static string Bban(string normalizedIban) =>
        normalizedIban.Length > 4 && char.IsAsciiLetter(normalizedIban[0]) && char.IsAsciiLetter(normalizedIban[1]) ? normalizedIban[4..] : "";

    /// <summary>"DE89…3000" style: country, check digits and the last four, for logs and reports.</summary>
    public static string Mask(string? value)
    {
        var iban = Normalize(value);
        return iban.Length <= 8 ? "****" : $"{iban[..4]}…{iban[^4..]}";
    }
}
