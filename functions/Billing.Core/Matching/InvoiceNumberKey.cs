namespace Billing.Core.Matching;

/// <summary>
/// Invoice numbers as people type them. <c>INV-2026-000123</c>, <c>inv 2026 123</c>, <c>INV2026-000123</c> and
/// <c>INV-2026-00123</c> are one number: the key is the series prefix (letters, upper case), the four-digit year
/// and the sequence without leading zeros (<c>INV|2026|123</c>). Separators between the parts may be spaces,
/// dashes, underscores, slashes or dots, or nothing at all.
/// </summary>
public static class InvoiceNumberKey
{
    private const int MaxSequenceDigits = 12;

    /// <summary>The key of a number as the system formats it, or null when it does not look like prefix-year-sequence.</summary>
    public static string? Of(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        string? found = null;
        Scan(number, null, key => found ??= key);
        return found;
    }

    /// <summary>
    /// Calls <paramref name="onKey"/> for every invoice-number-like run in <paramref name="text"/>. When
    /// <paramref name="prefixes"/> is given, a run of letters counts only when it ends with one of them (so
    /// "PaymentINV2026-1" still finds INV); otherwise the whole run of letters is the prefix.
    /// </summary>
    public static void Scan(ReadOnlySpan<char> text, IReadOnlyCollection<string>? prefixes, Action<string> onKey)
    {
        ArgumentNullException.ThrowIfNull(onKey);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var letterStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            var letters = text[letterStart..i];
            var j = SkipSeparators(text, i);
            var digitStart = j;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            var digits = text[digitStart..j];
            if (digits.Length < 4 || !IsYear(digits[..4]))
            {
                continue;
            }

            ReadOnlySpan<char> sequence;
            if (digits.Length > 4)
            {
                sequence = digits[4..];
            }
            else
            {
                var k = SkipSeparators(text, j);
                var sequenceStart = k;
                while (k < text.Length && char.IsAsciiDigit(text[k]))
                {
                    k++;
                }

                sequence = text[sequenceStart..k];
                j = k;
            }

            if (sequence.Length is 0 or > MaxSequenceDigits || (j < text.Length && char.IsAsciiLetter(text[j])))
            {
                continue;
            }

            var prefix = PrefixOf(letters, prefixes);
            if (prefix is not null)
            {
                onKey(Compose(prefix, digits[..4], sequence));
            }

            i = j;
        }
    }

    /// <summary>The sequence part without leading zeros ("000123" → "123"); "0" stays "0".</summary>
    public static string TrimSequence(ReadOnlySpan<char> sequence)
    {
        var trimmed = sequence.TrimStart('0');
        return trimmed.IsEmpty ? "0" : trimmed.ToString();
    }

    private static string Compose(string prefix, ReadOnlySpan<char> year, ReadOnlySpan<char> sequence)
    {
        var trimmed = sequence.TrimStart('0');
        if (trimmed.IsEmpty)
        {
            trimmed = "0";
        }

        // One allocation: prefix|year|sequence (a run of letters may be long: on the heap then).
        var length = prefix.Length + year.Length + trimmed.Length + 2;
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        prefix.CopyTo(key);
        key[prefix.Length] = '|';
        year.CopyTo(key[(prefix.Length + 1)..]);
        key[prefix.Length + 1 + year.Length] = '|';
        trimmed.CopyTo(key[(prefix.Length + year.Length + 2)..]);
        return key.ToString();
    }

    private static string? PrefixOf(ReadOnlySpan<char> letters, IReadOnlyCollection<string>? prefixes)
    {
        if (prefixes is null)
        {
            return letters.ToString().ToUpperInvariant();
        }

        if (prefixes is IReadOnlyList<string> list)
        {
            // Indexed: no enumerator for every run of letters.
            for (var i = 0; i < list.Count; i++)
            {
                if (EndsWith(letters, list[i]))
                {
                    return list[i];
                }
            }

            return null;
        }

        foreach (var prefix in prefixes)
        {
            if (EndsWith(letters, prefix))
            {
                return prefix;
            }
        }

        return null;
    }

    private static bool EndsWith(ReadOnlySpan<char> letters, string prefix) =>
        letters.Length >= prefix.Length && letters[^prefix.Length..].Equals(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsYear(ReadOnlySpan<char> digits) =>
        (digits[0] == '2' && digits[1] == '0') || (digits[0] == '1' && digits[1] == '9');

    private static int SkipSeparators(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '-' or '_' or '/' or '.' or '#' or ':')
        {
            i++;
        }

        return i;
    }
}
