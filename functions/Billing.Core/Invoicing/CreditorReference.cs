using System.Text;

namespace Billing.Core.Invoicing;

/// <summary>
/// ISO 11649 structured creditor reference: <c>RF</c>, two check digits, and up to 21 letters or digits.
/// The check digits make the whole reference ≡ 1 (mod 97) once moved to the end and letters turned into
/// numbers (A = 10 … Z = 35), the same arithmetic as an IBAN, so a mistyped reference is detected.
/// </summary>
public static class CreditorReference
{
    /// <summary>The RF reference of <paramref name="reference"/> (letters and digits kept, everything else dropped).</summary>
    public static string Create(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var body = new string(reference.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (body.Length is 0 or > 21)
        {
            throw new ArgumentException($"'{reference}' must contain 1 to 21 letters or digits to form an RF reference.", nameof(reference));
        }

        var check = 98 - Mod97(body + "RF00");
        return $"RF{check:D2}{body}";
    }

    /// <summary>True when <paramref name="candidate"/> (spaces allowed, any case) is a well-formed RF reference with valid check digits.</summary>
    public static bool IsValid(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return false;
        }

        var compact = new string(candidate.Where(c => c != ' ').Select(char.ToUpperInvariant).ToArray());
        if (compact.Length is < 5 or > 25 || !compact.StartsWith("RF", StringComparison.Ordinal)
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        return Mod97(compact[4..] + compact[..4]) == 1;
    }

    /// <summary>The reference body (without RF and check digits) of a valid RF reference.</summary>
    public static string Body(string reference) =>
        IsValid(reference)
            ? new string(reference.Where(c => c != ' ').Select(char.ToUpperInvariant).ToArray())[4..]
            : throw new ArgumentException($"'{reference}' is not a valid RF creditor reference.", nameof(reference));

    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? ((remainder * 10) + value) % 97 : ((remainder * 100) + value) % 97;
        }

        return remainder;
    }

    /// <summary>Groups the reference in blocks of four for print (RF18 5390 0754 7034).</summary>
    public static string ToPrintFormat(string reference)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < reference.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(reference[i]);
        }

        return builder.ToString();
    }
}
