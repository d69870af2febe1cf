using Billing.Core.Invoicing;

namespace Billing.Core.Matching;

/// <summary>
/// Finds ISO 11649 RF references in free text: <c>RF</c>, two check digits and up to 21 letters or digits,
/// possibly printed in blocks of four (<c>RF18 5390 0754 7034</c>). Only references whose check digits are
/// valid count, so a word that happens to start with RF is never taken for one.
/// </summary>
public static class CreditorReferenceScanner
{
    private const int MaxBody = 21;

    /// <summary>The bodies (without RF and check digits) of the valid references in <paramref name="text"/>.</summary>
    public static void Scan(ReadOnlySpan<char> text, Action<string> onBody)
    {
        ArgumentNullException.ThrowIfNull(onBody);
        Span<char> compact = stackalloc char[4 + MaxBody];
        Span<int> boundaries = stackalloc int[4 + MaxBody + 1];
        for (var i = 0; i + 4 < text.Length; i++)
        {
            if ((text[i] | 0x20) != 'r' || (text[i + 1] | 0x20) != 'f' || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3])
                || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            var boundaryCount = 0;
            compact[0] = 'R';
            compact[1] = 'F';
            compact[2] = text[i + 2];
            compact[3] = text[i + 3];
            var length = 4;
            var j = i + 4;
            while (j < text.Length && length < compact.Length)
            {
                if (char.IsAsciiLetterOrDigit(text[j]))
                {
                    compact[length++] = char.ToUpperInvariant(text[j]);
                    j++;
                }
                else if (text[j] == ' ' && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]))
                {
                    boundaries[boundaryCount++] = length;
                    j++;
                }
                else
                {
                    break;
                }
            }

            boundaries[boundaryCount++] = length;

            // Printed blocks of four may run into the next word, and any string passes the check digits once in
            // 97: report every valid candidate that ends where a block ends; the index decides which one exists.
            var found = false;
            for (var b = boundaryCount - 1; b >= 0; b--)
            {
                found |= TryReport(compact[..boundaries[b]], onBody);
            }

            for (var end = length - 1; !found && end >= 5; end--)
            {
                found = TryReport(compact[..end], onBody);
            }

            // Go on right after this "RFnn", not after everything it absorbed: printed blocks joined by single spaces may
            // have swallowed the start of the next reference ("RF18 5390 0754 7034 RF71 …" pays two invoices).
            i += 3;
        }
    }

    private static bool TryReport(ReadOnlySpan<char> compact, Action<string> onBody)
    {
        Span<char> body = stackalloc char[MaxBody];
        var length = BodyOf(compact, body);
        if (length < 0)
        {
            return false;
        }

        onBody(body[..length].ToString());
        return true;
    }

    /// <summary>The body of <paramref name="reference"/> when it is a valid RF reference, else null.</summary>
    public static string? BodyOf(string? reference)
    {
        Span<char> body = stackalloc char[MaxBody];
        var length = BodyOf(reference.AsSpan(), body);
        return length < 0 ? null : body[..length].ToString();
    }

    /// <summary>
    /// Writes the body of <paramref name="reference"/> (spaces dropped, upper case) to <paramref name="body"/> and returns
    /// its length, or -1 when the reference is not valid: the same rule as <see cref="CreditorReference.IsValid"/> and
    /// <see cref="CreditorReference.Body"/>, without allocating.
    /// </summary>
    internal static int BodyOf(ReadOnlySpan<char> reference, Span<char> body)
    {
        Span<char> compact = stackalloc char[4 + MaxBody];
        var length = 0;
        foreach (var c in reference)
        {
            if (c == ' ')
            {
                continue;
            }

            if (length == compact.Length)
            {
                return -1;
            }

            compact[length++] = char.ToUpperInvariant(c);
        }

        if (length < 5 || compact[0] != 'R' || compact[1] != 'F' || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return -1;
        }

        var remainder = 0;
        for (var k = 0; k < length; k++)
        {
            // The check digits count last: the body first, then RF and the two digits.
            var c = compact[(k + 4) % length];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return -1;
            }

            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? ((remainder * 10) + value) % 97 : ((remainder * 100) + value) % 97;
        }

        if (remainder != 1)
        {
            return -1;
        }

        compact[4..length].CopyTo(body);
        return length - 4;
    }
}
