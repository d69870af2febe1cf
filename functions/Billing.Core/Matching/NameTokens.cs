namespace Billing.Core.Matching;

/// <summary>
/// The words of a company or person name that say who it is: upper case, at least three characters, legal forms
/// (Ltd, GmbH, Inc…) dropped. Two names are similar in proportion to the words they share (Jaccard).
/// </summary>
public static class NameTokens
{
    private static readonly HashSet<string> s_ignored = new(StringComparer.Ordinal)
    {
        "LTD", "LIMITED", "GMBH", "INC", "LLC", "CORP", "PLC", "SARL", "SAS", "BV", "NV", "KG", "OHG", "THE", "AND", "UND", "CO", "AG", "SA", "SRL", "SPA", "AB", "OY", "AS",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_ignoredSpans = s_ignored.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<string> Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var tokens = new List<string>(4);
        var span = name.AsSpan();
        Span<char> buffer = stackalloc char[128];
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetterOrDigit(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && char.IsLetterOrDigit(span[i]))
            {
                i++;
            }

            if (i - start >= 3)
            {
                // Upper case in place, and a string only for a word that counts.
                var word = span[start..i];
                var upper = word.Length <= buffer.Length ? buffer[..word.Length] : new char[word.Length];
                word.ToUpperInvariant(upper);
                if (!s_ignoredSpans.Contains(upper) && !Contains(tokens, upper))
                {
                    tokens.Add(upper.ToString());
                }
            }
        }

        return tokens;
    }

    private static bool Contains(List<string> tokens, ReadOnlySpan<char> token)
    {
        foreach (var t in tokens)
        {
            if (token.SequenceEqual(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Shared words ÷ all words of both names, 0..1.</summary>
    public static decimal Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0m;
        }

        var shared = 0;
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                if (string.Equals(a[i], b[j], StringComparison.Ordinal))
                {
                    shared++;
                    break;
                }
            }
        }

        return Math.Round((decimal)shared / (a.Count + b.Count - shared), 2);
    }
}
