namespace Billing.Core.Payments;

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

    public static IReadOnlyList<string> Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var tokens = new List<string>(4);
        var span = name.AsSpan();
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
                var token = span[start..i].ToString().ToUpperInvariant();
                if (!s_ignored.Contains(token) && !tokens.Contains(token))
                {
                    tokens.Add(token);
                }
            }
        }

        return tokens;
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

        var shared = a.Count(b.Contains);
        return Math.Round((decimal)shared / (a.Count + b.Count - shared), 2);
    }
}
