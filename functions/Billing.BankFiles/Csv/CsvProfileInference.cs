using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Billing.BankFiles.Csv;

/// <summary>
/// Infers a <see cref="CsvProfile"/> for a bank's CSV export when no configured profile matches. The header row is the
/// first of the first 80 lines (account and period preamble lines are skipped) that names a date and an amount (or a
/// debit and a credit) column in English, German, French or Italian; the delimiter is the one that gives such a row;
/// each column's role comes from its header (<see cref="CsvHeaderVocabulary"/>) and is checked against the values below
/// it, which also give the date format, the decimal and thousands separators and the sign convention. When a required
/// role (booking date, amounts) has no column, two equally good ones, or values that do not fit, the result is a refusal
/// naming the candidates rather than a guess.
/// </summary>
public static partial class CsvProfileInference
{
    private const int MaxLines = 80;
    private static readonly char[] _delimiters = [';', ',', '\t', '|'];
    private static readonly string[] _dateFormats = ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd-MM-yyyy", "yyyyMMdd"];

    /// <summary>Infers the mapping from the first lines of the export (decoded text).</summary>
    public static CsvInference Infer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (lines.Count == MaxLines)
            {
                break;
            }

            lines.Add(line.ToString());
        }

        var fields = new List<string>();
        foreach (var delimiter in _delimiters)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                CsvLine.Split(lines[i], delimiter, fields);
                if (fields.Count >= 3 && NamesDateAndAmount(fields))
                {
                    return FromHeader(lines, i, delimiter, [.. fields]);
                }
            }
        }

        return CsvInference.Refused("no header row naming a date and an amount (or debit and credit) column in the first 80 lines");
    }

    private static bool NamesDateAndAmount(List<string> header) =>
        header.Any(h => CsvHeaderVocabulary.Score(h, CsvColumnRole.BookingDate) > 0)
        && (header.Any(h => CsvHeaderVocabulary.Score(h, CsvColumnRole.Amount) > 0)
            || (header.Any(h => CsvHeaderVocabulary.Score(h, CsvColumnRole.Debit) > 0) && header.Any(h => CsvHeaderVocabulary.Score(h, CsvColumnRole.Credit) > 0)));

    private static CsvInference FromHeader(List<string> lines, int headerIndex, char delimiter, string[] header)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            CsvLine.Split(lines[i], delimiter, fields);
            if (fields.Count >= header.Length)
            {
                rows.Add([.. fields.Select(Unwrap)]);
            }
        }

        var roles = Assign(header, rows, out var refusal);
        if (refusal is not null)
        {
            return CsvInference.Refused(refusal);
        }

        var booking = roles[CsvColumnRole.BookingDate];
        var dateFormat = DateFormat(rows, booking);
        if (dateFormat is null)
        {
            return CsvInference.Refused($"column \"{header[booking]}\" is named like a booking date but its values are not dates (e.g. \"{Sample(rows, booking)}\")");
        }

        var amountColumns = new[] { CsvColumnRole.Amount, CsvColumnRole.Debit, CsvColumnRole.Credit }
            .Where(roles.ContainsKey).Select(r => roles[r]).ToArray();
        var (decimalSeparator, thousands, separatorsSure) = Separators(rows, amountColumns);
        var negative = roles.TryGetValue(CsvColumnRole.Amount, out var amountColumn) && rows.Any(r => r[amountColumn].StartsWith('-'));
        var sure = separatorsSure && rows.Count > 0
            && CsvHeaderVocabulary.Score(header[booking], CsvColumnRole.BookingDate) >= 1
            && amountColumns.All(c => CsvHeaderVocabulary.Score(header[c], RoleOf(roles, c)) >= 1)
            && (!roles.ContainsKey(CsvColumnRole.Amount) || negative);
        var profile = new CsvProfile
        {
            Name = "inferred",
            Delimiter = delimiter,
            DecimalSeparator = decimalSeparator,
            ThousandsSeparators = thousands,
            DateFormats = [dateFormat],
            HeaderColumns = [.. roles.Values.Distinct().Order().Select(c => header[c])],
            BookingDateColumn = header[booking],
            ValueDateColumn = Column(header, roles, CsvColumnRole.ValueDate),
            AmountColumn = Column(header, roles, CsvColumnRole.Amount),
            DebitColumn = Column(header, roles, CsvColumnRole.Debit),
            CreditColumn = Column(header, roles, CsvColumnRole.Credit),
            DescriptionColumns = [.. TextColumns(header, roles)],
            ReferenceColumn = Column(header, roles, CsvColumnRole.Reference),
            CounterpartyNameColumn = Column(header, roles, CsvColumnRole.Counterparty),
            CurrencyColumn = Column(header, roles, CsvColumnRole.Currency),
            Currency = Currency(lines, headerIndex, header, amountColumns),
            MaxPreambleLines = headerIndex,
            SkipRowsWithoutDate = true,
        };
        return CsvInference.Inferred(profile, sure ? "high" : "medium", Describe(profile, headerIndex, roles, header, negative));
    }

    private static CsvColumnRole RoleOf(Dictionary<CsvColumnRole, int> roles, int column) => roles.First(p => p.Value == column).Key;

    private static Dictionary<CsvColumnRole, int> Assign(string[] header, List<string[]> rows, out string? refusal)
    {
        refusal = null;
        var roles = new Dictionary<CsvColumnRole, int>();
        var taken = new HashSet<int>();
        foreach (var role in new[] { CsvColumnRole.BookingDate, CsvColumnRole.ValueDate, CsvColumnRole.Amount, CsvColumnRole.Debit, CsvColumnRole.Credit, CsvColumnRole.Currency, CsvColumnRole.Balance, CsvColumnRole.Reference, CsvColumnRole.Counterparty })
        {
            var candidates = Enumerable.Range(0, header.Length)
                .Where(c => !taken.Contains(c))
                .Select(c => (Column: c, Score: CsvHeaderVocabulary.Score(header[c], role)))
                .Where(c => c.Score > 0 && Fits(role, rows, c.Column))
                .OrderByDescending(c => c.Score)
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            if (candidates.Count > 1 && candidates[0].Score == candidates[1].Score && role is CsvColumnRole.BookingDate or CsvColumnRole.Amount)
            {
                refusal = $"cannot tell which column is the {Describe(role)}: candidates {string.Join(", ", candidates.Select(c => $"\"{header[c.Column]}\""))}; pin one with a profile";
                return roles;
            }

            roles[role] = candidates[0].Column;
            taken.Add(candidates[0].Column);
        }

        if (!roles.ContainsKey(CsvColumnRole.BookingDate))
        {
            refusal = "no column holds booking dates: candidates " + Candidates(header, CsvColumnRole.BookingDate);
        }
        else if (!roles.ContainsKey(CsvColumnRole.Amount) && !(roles.ContainsKey(CsvColumnRole.Debit) && roles.ContainsKey(CsvColumnRole.Credit)))
        {
            refusal = "no column holds the amounts (one signed amount, or debit and credit): candidates " + Candidates(header, CsvColumnRole.Amount, CsvColumnRole.Debit, CsvColumnRole.Credit);
        }

        return roles;
    }

    private static string Candidates(string[] header, params CsvColumnRole[] roles)
    {
        var named = header.Where(h => roles.Any(r => CsvHeaderVocabulary.Score(h, r) > 0)).Select(h => $"\"{h}\"").ToList();
        return named.Count == 0 ? "none (header: " + string.Join(", ", header.Select(h => $"\"{h}\"")) + ")" : string.Join(", ", named) + " (their values do not fit)";
    }

    /// <summary>Whether the column's values fit the role: dates for dates, numbers for amounts, 3-letter codes for a currency.</summary>
    private static bool Fits(CsvColumnRole role, List<string[]> rows, int column)
    {
        var values = rows.Select(r => r[column]).Where(v => v.Length > 0).Take(50).ToList();
        if (values.Count == 0)
        {
            return role is not (CsvColumnRole.BookingDate or CsvColumnRole.Amount);
        }

        var share = role switch
        {
            CsvColumnRole.BookingDate or CsvColumnRole.ValueDate => values.Count(v => _dateFormats.Any(f => TryDate(v, f, out _))),
            CsvColumnRole.Amount or CsvColumnRole.Debit or CsvColumnRole.Credit or CsvColumnRole.Balance => values.Count(v => NumberPattern().IsMatch(v)),
            CsvColumnRole.Currency => values.Count(v => v.Length == 3 && v.All(char.IsAsciiLetterUpper)),
            _ => values.Count,
        };

        // Summary and footer rows may break the pattern; most of the rows must fit.
        return share * 10 >= values.Count * 7;
    }

    private static string? DateFormat(List<string[]> rows, int column)
    {
        var values = rows.Select(r => r[column]).Where(v => v.Length > 0).Take(200).ToList();
        return _dateFormats
            .Select(f => (Format: f, Count: values.Count(v => TryDate(v, f, out _))))
            .Where(f => f.Count > 0)
            .OrderByDescending(f => f.Count)
            .Select(f => f.Format)
            .FirstOrDefault();
    }

    /// <summary>Parses a date written with <paramref name="format"/>, ignoring a time that follows it ("2024-01-31 00:00:00.0").</summary>
    internal static bool TryDate(string text, string format, out DateOnly date)
    {
        var end = text.IndexOfAny([' ', 'T']);
        var part = end > 0 ? text.AsSpan(0, end) : text.AsSpan();
        return DateOnly.TryParseExact(part, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static (char Decimal, string Thousands, bool Sure) Separators(List<string[]> rows, int[] columns)
    {
        int comma = 0, dot = 0;
        foreach (var value in rows.SelectMany(r => columns.Select(c => r[c])).Where(v => v.Length > 0))
        {
            var digits = value.Replace("'", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (CommaDecimal().IsMatch(digits))
            {
                comma++;
            }
            else if (DotDecimal().IsMatch(digits))
            {
                dot++;
            }
        }

        return comma > dot ? (',', "'. ", dot == 0) : ('.', "', ", comma == 0);
    }

    private static string? Column(string[] header, Dictionary<CsvColumnRole, int> roles, CsvColumnRole role) =>
        roles.TryGetValue(role, out var column) ? header[column] : null;

    private static IEnumerable<string> TextColumns(string[] header, Dictionary<CsvColumnRole, int> roles)
    {
        var used = roles.Values.ToHashSet();
        return header.Where((h, i) => !used.Contains(i) && CsvHeaderVocabulary.Score(h, CsvColumnRole.Text) > 0);
    }

    private static string? Currency(List<string> lines, int headerIndex, string[] header, int[] amountColumns)
    {
        foreach (var column in amountColumns)
        {
            var match = CurrencyCode().Match(header[column]);
            if (match.Success)
            {
                return match.Value;
            }
        }

        // A preamble line such as "Währung:;CHF" or "Currency;EUR".
        for (var i = 0; i < headerIndex; i++)
        {
            var words = lines[i].Split([';', ',', '\t', ':', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length >= 2 && CsvHeaderVocabulary.Score(words[0].Trim('"'), CsvColumnRole.Currency) >= 1 && CurrencyCode().IsMatch(words[1].Trim('"')))
            {
                return words[1].Trim('"');
            }
        }

        return null;
    }

    private static string Describe(CsvProfile p, int headerIndex, Dictionary<CsvColumnRole, int> roles, string[] header, bool negative)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"header on line {headerIndex + 1}; delimiter '{(p.Delimiter == '\t' ? "\\t" : p.Delimiter)}'; ");
        foreach (var (role, column) in roles.OrderBy(r => r.Value))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{Describe(role)} \"{header[column]}\"; ");
        }

        if (p.DescriptionColumns.Count > 0)
        {
            builder.Append("text ").Append(string.Join(" + ", p.DescriptionColumns.Select(c => $"\"{c}\""))).Append("; ");
        }

        builder.Append(CultureInfo.InvariantCulture, $"dates {p.DateFormats[0]}; decimal '{p.DecimalSeparator}'; ");
        if (p.AmountColumn is not null)
        {
            builder.Append(negative ? "negative amounts are debits" : "no negative amounts: every amount read as a credit").Append("; ");
        }

        builder.Append("currency ").Append(p.CurrencyColumn is not null ? $"from \"{p.CurrencyColumn}\"" : p.Currency ?? "unknown");
        return builder.ToString();
    }

    private static string Describe(CsvColumnRole role) => role switch
    {
        CsvColumnRole.BookingDate => "booking date",
        CsvColumnRole.ValueDate => "value date",
        CsvColumnRole.Amount => "amount",
        CsvColumnRole.Debit => "debit",
        CsvColumnRole.Credit => "credit",
        CsvColumnRole.Currency => "currency",
        CsvColumnRole.Reference => "reference",
        CsvColumnRole.Balance => "balance (not summed)",
        CsvColumnRole.Counterparty => "counterparty",
        _ => "text",
    };

    /// <summary>Excel-style ="..." cells (some exports protect dates and numbers this way).</summary>
    internal static string Unwrap(string value) =>
        value.Length >= 3 && value[0] == '=' && value[1] == '"' && value[^1] == '"' ? value[2..^1] : value;

    private static string Sample(List<string[]> rows, int column) => rows.Select(r => r[column]).FirstOrDefault(v => v.Length > 0) ?? "";

    [GeneratedRegex(@"^[-+]?[0-9][0-9'., ]*$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?([0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?|[0-9]+,[0-9]{1,2})$")]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"^[-+]?([0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?|[0-9]+\.[0-9]{1,2})$")]
    private static partial Regex DotDecimal();

    [GeneratedRegex(@"\b(CHF|EUR|USD|GBP|JPY|SEK|NOK|DKK|PLN|CZK|HUF|CAD|AUD)\b")]
    private static partial Regex CurrencyCode();
}
