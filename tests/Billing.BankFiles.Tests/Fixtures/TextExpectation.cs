using System.Text;
using System.Text.RegularExpressions;

namespace Billing.BankFiles.Tests.Fixtures;

/// <summary>
/// How a peer's text value is compared with ours. The README says to compare text after normalising line endings;
/// the notes add that peers join multi-line fields differently (newline, space or nothing), so whitespace is not
/// significant. For files tagged "needs-sanitize" the peer (mt940-rs) replaced characters outside the SWIFT X
/// character set by "." and may have truncated :86:, so there "." matches any one character (or a dropped one) and
/// the expected text may be a prefix.
/// </summary>
public static class TextExpectation
{
    public static bool Matches(string? expected, string? actual, bool sanitized)
    {
        var e = Squeeze(expected);
        var a = Squeeze(actual);
        if (e == a)
        {
            return true;
        }

        if (!sanitized || e.Length == 0)
        {
            return false;
        }

        a = WithoutDiacritics(a);

        var pattern = new StringBuilder("^");
        foreach (var c in e)
        {
            pattern.Append(c == '.' ? ".?" : Regex.Escape(c.ToString()));
        }

        return Regex.IsMatch(a, pattern.ToString(), RegexOptions.None, TimeSpan.FromSeconds(2));
    }

    /// <summary>Transliterates accented letters to their base letter, as the peer's sanitize() does.</summary>
    private static string WithoutDiacritics(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Removes all whitespace (line breaks included).</summary>
    public static string Squeeze(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
