namespace Billing.BankFiles.Mt940;

/// <summary>
/// Reads the German structured :86: (DFÜ-Abkommen / ZKA): a three-digit Geschäftsvorfallcode followed by
/// subfields "?NN" (?00 posting text, ?10 primanota, ?20-?29 and ?60-?63 purpose, ?30 bank code/BIC,
/// ?31 account/IBAN, ?32-?33 name, ?34 text key extension). Line breaks inside the field are not part of the
/// content. In the purpose text, SEPA keywords (EREF+, KREF+, MREF+, CRED+, DEBT+, SVWZ+, ABWA+, ABWE+...) each run
/// up to the next keyword.
/// </summary>
internal static class StructuredDetails
{
    private static readonly string[] _keywords = ["EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+", "ABWA+", "ABWE+", "COAM+", "OAMT+", "IBAN+", "BIC+", "BREF+", "RREF+", "PURP+"];

    public static bool TryApply(string details, StatementEntry entry)
    {
        if (details.Length < 4 || !char.IsAsciiDigit(details[0]) || !char.IsAsciiDigit(details[1]) || !char.IsAsciiDigit(details[2]))
        {
            return false;
        }

        var text = details.Contains('\n', StringComparison.Ordinal) || details.Contains('\r', StringComparison.Ordinal)
            ? details.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)
            : details;
        var separator = text[3];
        if (separator is not ('?' or '/' or '+') || text.Length < 6 || !char.IsAsciiDigit(text[4]) || !char.IsAsciiDigit(text[5]))
        {
            return false;
        }

        var fields = new Dictionary<string, string>();
        var i = 3;
        while (i + 2 < text.Length && text[i] == separator && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
        {
            var key = _keys[((text[i + 1] - '0') * 10) + (text[i + 2] - '0')];
            var start = i + 3;
            var end = start;
            while (end < text.Length && !(text[end] == separator && end + 2 < text.Length && char.IsAsciiDigit(text[end + 1]) && char.IsAsciiDigit(text[end + 2])))
            {
                end++;
            }

            var value = text[start..end];
            fields[key] = fields.TryGetValue(key, out var existing) ? existing + value : value;
            i = end;
        }

        entry.TransactionTypeCode = text[..3];
        entry.StructuredDetails = fields;
        var purpose = Join(fields, 20, 29) + Join(fields, 60, 63);
        var name = Join(fields, 32, 33);
        entry.CounterpartyName = name.Length == 0 ? null : name;
        entry.CounterpartyIban = fields.GetValueOrDefault("31");
        entry.CounterpartyBic = fields.GetValueOrDefault("30");
        var keywords = SepaKeywords(purpose);
        entry.SepaKeywords = keywords.ToDictionary(p => p.Key.TrimEnd('+'), p => p.Value);
        entry.EndToEndId = keywords.GetValueOrDefault("EREF+");
        entry.RemittanceInfo = keywords.GetValueOrDefault("SVWZ+") ?? (purpose.Length == 0 ? null : purpose);
        return true;
    }

    /// <summary>Splits a purpose text at SEPA keywords; each value runs to the next keyword.</summary>
    public static Dictionary<string, string> SepaKeywords(string purpose)
    {
        var found = new List<(int Index, string Keyword)>();
        foreach (var keyword in _keywords)
        {
            var at = purpose.IndexOf(keyword, StringComparison.Ordinal);
            if (at >= 0)
            {
                found.Add((at, keyword));
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        var result = new Dictionary<string, string>();
        for (var k = 0; k < found.Count; k++)
        {
            var start = found[k].Index + found[k].Keyword.Length;
            var end = k + 1 < found.Count ? found[k + 1].Index : purpose.Length;
            result.TryAdd(found[k].Keyword, purpose[start..Math.Max(start, end)]);
        }

        return result;
    }

    private static readonly string[] _keys = [.. Enumerable.Range(0, 100).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    private static string Join(Dictionary<string, string> fields, int from, int to)
    {
        string? single = null;
        System.Text.StringBuilder? builder = null;
        for (var n = from; n <= to; n++)
        {
            if (!fields.TryGetValue(_keys[n], out var value))
            {
                continue;
            }

            if (single is null)
            {
                single = value;
            }
            else
            {
                (builder ??= new System.Text.StringBuilder(single)).Append(value);
            }
        }

        return builder?.ToString() ?? single ?? string.Empty;
    }
}
