using System.Text;

namespace Billing.BankFiles.Mt940;

/// <summary>
/// Reads the German structured :86: (DFÜ-Abkommen / ZKA): a three-digit Geschäftsvorfallcode followed by
/// subfields "?NN" (?00 posting text, ?10 primanota, ?20-?29 and ?60-?63 purpose, ?30 bank code/BIC,
/// ?31 account/IBAN, ?32-?33 name, ?34 text key extension). Line breaks inside the field are not part of the
/// content; a subfield number written twice has its values joined. In the purpose text, SEPA keywords (EREF+, KREF+,
/// MREF+, CRED+, DEBT+, SVWZ+, ABWA+, ABWE+...) each run up to the next keyword. Text that does not start with
/// three digits and a separator followed by two digits is left unstructured. One instance is reused for every
/// entry read on a thread (<see cref="Apply"/>): its buffers are cleared per call.
/// </summary>
internal sealed class StructuredDetails
{
    private static readonly string[] _keywords = ["EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+", "ABWA+", "ABWE+", "COAM+", "OAMT+", "IBAN+", "BIC+", "BREF+", "RREF+", "PURP+"];
    private static readonly string[] _keywordNames = [.. _keywords.Select(k => k.TrimEnd('+'))];
    private static readonly string[] _keys = [.. Enumerable.Range(0, 100).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    private readonly string?[] _subfields = new string?[100];
    private readonly List<int> _used = [];
    private readonly StringBuilder _builder = new();

    [ThreadStatic]
    private static StructuredDetails? _perThread;

    /// <summary>Applies <paramref name="details"/> to <paramref name="entry"/> with this thread's instance (see <see cref="TryApply"/>).</summary>
    public static bool Apply(string details, StatementEntry entry) => (_perThread ??= new StructuredDetails()).TryApply(details, entry);

    /// <summary>Applies the subfields and SEPA keywords to <paramref name="entry"/>; false (and no change) when the text is not structured.</summary>
    public bool TryApply(string details, StatementEntry entry)
    {
        if (details.Length < 6 || !char.IsAsciiDigit(details[0]) || !char.IsAsciiDigit(details[1]) || !char.IsAsciiDigit(details[2]))
        {
            return false;
        }

        var text = details.AsSpan().ContainsAny('\n', '\r') ? WithoutLineBreaks(details) : details;
        var separator = text[3];
        if (separator is not ('?' or '/' or '+') || text.Length < 6 || !char.IsAsciiDigit(text[4]) || !char.IsAsciiDigit(text[5]))
        {
            return false;
        }

        var fields = ReadSubfields(text, separator);
        entry.TransactionTypeCode = text[..3];
        entry.StructuredDetails = fields;
        var purpose = Join(20, 29, 60, 63);
        var name = Join(32, 33, 0, -1);
        entry.CounterpartyName = name.Length == 0 ? null : name;
        entry.CounterpartyIban = _subfields[31];
        entry.CounterpartyBic = _subfields[30];
        var keywords = SepaKeywords(purpose);
        entry.SepaKeywords = keywords;
        entry.EndToEndId = keywords.GetValueOrDefault("EREF");
        entry.RemittanceInfo = keywords.GetValueOrDefault("SVWZ") ?? (purpose.Length == 0 ? null : purpose);
        return true;
    }

    /// <summary>The text with its line breaks removed, in one pass: a wrapped subfield continues on the next line.</summary>
    private static string WithoutLineBreaks(string text)
    {
        var breaks = text.AsSpan().Count('\n') + text.AsSpan().Count('\r');
        return string.Create(text.Length - breaks, text, static (target, source) =>
        {
            var n = 0;
            foreach (var c in source)
            {
                if (c is not ('\n' or '\r'))
                {
                    target[n++] = c;
                }
            }
        });
    }

    /// <summary>
    /// Splits a purpose text at SEPA keywords; each value runs to the next keyword. Keys are written without the '+'.
    /// Each keyword counts at its first occurrence; the text is scanned once, from '+' to '+'.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SepaKeywords(string purpose)
    {
        Span<int> at = stackalloc int[_keywords.Length];
        Span<int> which = stackalloc int[_keywords.Length];
        var seen = 0;
        var found = 0;
        for (var plus = purpose.IndexOf('+'); plus >= 0; plus = purpose.IndexOf('+', plus + 1))
        {
            var k = KeywordEndingAt(purpose, plus);
            if (k < 0 || (seen & (1 << k)) != 0)
            {
                continue;
            }

            seen |= 1 << k;
            at[found] = plus + 1 - _keywords[k].Length;
            which[found++] = k;
        }

        if (found == 0)
        {
            return StatementEntry.EmptyFields;
        }

        var keys = new string[found];
        var values = new string[found];
        for (var k = 0; k < found; k++)
        {
            var start = at[k] + _keywords[which[k]].Length;
            var end = k + 1 < found ? at[k + 1] : purpose.Length;
            keys[k] = _keywordNames[which[k]];
            values[k] = purpose[start..Math.Max(start, end)];
        }

        return new FieldMap(keys, values);
    }

    /// <summary>The index in <see cref="_keywords"/> of the keyword whose '+' is at <paramref name="plus"/>, or -1.</summary>
    private static int KeywordEndingAt(string text, int plus)
    {
        // One look at the four (or, for BIC, three) characters before the '+', instead of comparing every keyword.
        if (plus >= 4)
        {
            var index = text.AsSpan(plus - 4, 4) switch
            {
                "EREF" => 0,
                "KREF" => 1,
                "MREF" => 2,
                "CRED" => 3,
                "DEBT" => 4,
                "SVWZ" => 5,
                "ABWA" => 6,
                "ABWE" => 7,
                "COAM" => 8,
                "OAMT" => 9,
                "IBAN" => 10,
                "BREF" => 12,
                "RREF" => 13,
                "PURP" => 14,
                _ => -1,
            };
            if (index >= 0)
            {
                return index;
            }
        }

        return plus >= 3 && text.AsSpan(plus - 3, 3).SequenceEqual("BIC") ? 11 : -1;
    }

    private FieldMap ReadSubfields(string text, char separator)
    {
        foreach (var n in _used)
        {
            _subfields[n] = null;
        }

        _used.Clear();
        var i = 3;
        while (IsSubfieldStart(text, i, separator))
        {
            var number = ((text[i + 1] - '0') * 10) + (text[i + 2] - '0');
            var start = i + 3;
            var end = text.IndexOf(separator, start);
            while (end >= 0 && !IsSubfieldStart(text, end, separator))
            {
                end = text.IndexOf(separator, end + 1);
            }

            end = end < 0 ? text.Length : end;
            var value = text[start..end];
            if (_subfields[number] is { } existing)
            {
                _subfields[number] = existing + value;
            }
            else
            {
                _subfields[number] = value;
                _used.Add(number);
            }

            i = end;
        }

        var keys = new string[_used.Count];
        var values = new string[_used.Count];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = _keys[_used[k]];
            values[k] = _subfields[_used[k]]!;
        }

        return new FieldMap(keys, values);
    }

    /// <summary>True when a subfield "?NN" starts at <paramref name="i"/> (two digits after the separator).</summary>
    private static bool IsSubfieldStart(string text, int i, char separator) =>
        i + 2 < text.Length && text[i] == separator && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]);

    /// <summary>Concatenates subfields <paramref name="from"/>..<paramref name="to"/> and then <paramref name="from2"/>..<paramref name="to2"/> in number order.</summary>
    private string Join(int from, int to, int from2, int to2)
    {
        string? single = null;
        var parts = 0;
        _builder.Clear();
        for (var pass = 0; pass < 2; pass++)
        {
            var (a, b) = pass == 0 ? (from, to) : (from2, to2);
            for (var n = a; n <= b; n++)
            {
                if (_subfields[n] is not { } value)
                {
                    continue;
                }

                if (parts++ == 0)
                {
                    single = value;
                }

                _builder.Append(value);
            }
        }

        return parts switch
        {
            0 => string.Empty,
            1 => single!,
            _ => _builder.ToString(),
        };
    }
}
