using Billing.BankFiles.Text;

namespace Billing.BankFiles.Csv;

/// <summary>
/// Reads a CSV export through a <see cref="CsvProfile"/> into one statement. Lines before the header are the
/// account preamble and are skipped; blank lines are ignored; a row whose amount or date cannot be read is malformed.
/// </summary>
internal sealed class CsvStatementParser
{
    private readonly LineReader _lines;
    private readonly CsvProfile _profile;
    private readonly BankFileReaderOptions _options;
    private readonly CsvInference? _inference;
    private readonly List<string> _fields = [];
    private readonly List<int> _skipped = [];
    private int[] _columns = [];
    private int _headerCount;
    private string? _preambleIban;

    public CsvStatementParser(LineReader lines, CsvProfile profile, BankFileReaderOptions options, CsvInference? inference = null)
    {
        _lines = lines;
        _profile = profile;
        _options = options;
        _inference = inference;
    }

    private enum Column
    {
        BookingDate,
        ValueDate,
        Amount,
        Debit,
        Credit,
        Reference,
        CounterpartyName,
        CounterpartyAccount,
        Currency,
    }

    public IEnumerable<BankFileEvent> Parse()
    {
        yield return new BankFileEvent.FileStarted(BankFileFormat.Csv, _profile.Name);
        FindHeader();
        var statement = new BankStatement { Kind = StatementKind.Statement, Currency = _profile.Currency, Iban = _preambleIban, Account = _preambleIban };
        yield return new BankFileEvent.StatementStarted(BankFileFormat.Csv, statement);
        StatementEntry? pending = null;
        while (ReadRecord() is { } record)
        {
            if (string.IsNullOrWhiteSpace(record.Replace(_profile.Delimiter, ' ')))
            {
                continue;
            }

            CsvLine.Split(record, _profile.Delimiter, _fields);
            if (_profile.SkipRowsWithoutDate && !IsDate(Get(Column.BookingDate)))
            {
                _skipped.Add(_lines.LineNumber);
                continue;
            }

            if (Get(Column.BookingDate).Length == 0)
            {
                if (_profile.RowsWithoutDateContinuePreviousEntry && pending is not null)
                {
                    var more = Description();
                    if (more.Length > 0)
                    {
                        pending.RemittanceInfo = pending.RemittanceInfo is null ? more : pending.RemittanceInfo + " " + more;
                        pending.Details = pending.RemittanceInfo;
                    }

                    continue;
                }

                throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected a booking date in column \"{_profile.BookingDateColumn}\"");
            }

            if (_fields.Count < _headerCount)
            {
                throw new BankFileFormatException($"line {_lines.LineNumber}",
                    $"expected {_headerCount} columns as in the header, found {_fields.Count}: the record is incomplete (is the file cut off?)");
            }

            if (pending is not null)
            {
                yield return new BankFileEvent.EntryRead(BankFileFormat.Csv, statement, pending);
            }

            pending = Entry(statement);
        }

        if (pending is not null)
        {
            yield return new BankFileEvent.EntryRead(BankFileFormat.Csv, statement, pending);
        }

        yield return new BankFileEvent.StatementCompleted(BankFileFormat.Csv, statement);
        yield return new BankFileEvent.FileCompleted(BankFileFormat.Csv, _profile.Name, Warnings());
    }

    private List<string> Warnings()
    {
        var warnings = new List<string>();
        if (_inference is not null)
        {
            warnings.Add($"CSV mapping inferred (confidence {_inference.Confidence}): {_inference.Description}");
        }

        if (_skipped.Count > 0)
        {
            warnings.Add($"skipped {_skipped.Count} rows without a booking date (totals, balances, footers) on line{(_skipped.Count == 1 ? "" : "s")} {string.Join(", ", _skipped.Take(10))}{(_skipped.Count > 10 ? ", …" : "")}");
        }

        return warnings;
    }

    private bool IsDate(string text)
    {
        foreach (var format in _profile.DateFormats)
        {
            if (CsvProfileInference.TryDate(text, format, out _))
            {
                return true;
            }
        }

        return false;
    }

    private void FindHeader()
    {
        for (var n = 0; n <= _profile.MaxPreambleLines; n++)
        {
            var line = _lines.ReadLine() ?? throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected the {_profile.Name} CSV header line");
            CsvLine.Split(line, _profile.Delimiter, _fields);
            if (!CsvProfileMatcher.IsHeader(_fields, _profile))
            {
                _preambleIban ??= PreambleIban(_fields);
                continue;
            }

            _headerCount = LastNonEmpty(_fields);
            _columns =
            [
                CsvProfileMatcher.IndexOf(_fields, _profile.BookingDateColumn),
                CsvProfileMatcher.IndexOf(_fields, _profile.ValueDateColumn),
                CsvProfileMatcher.IndexOf(_fields, _profile.AmountColumn),
                CsvProfileMatcher.IndexOf(_fields, _profile.DebitColumn),
                CsvProfileMatcher.IndexOf(_fields, _profile.CreditColumn),
                CsvProfileMatcher.IndexOf(_fields, _profile.ReferenceColumn),
                CsvProfileMatcher.IndexOf(_fields, _profile.CounterpartyNameColumn),
                CsvProfileMatcher.IndexOf(_fields, _profile.CounterpartyAccountColumn),
                CsvProfileMatcher.IndexOf(_fields, _profile.CurrencyColumn),
            ];
            _descriptionColumns = [.. _profile.DescriptionColumns.Select(c => CsvProfileMatcher.IndexOf(_fields, c)).Where(i => i >= 0)];
            return;
        }

        throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected the {_profile.Name} CSV header line within the first {_profile.MaxPreambleLines} lines");
    }

    private int[] _descriptionColumns = [];

    /// <summary>Columns up to the last named one: trailing empty header cells (a trailing delimiter) are not required.</summary>
    private static int LastNonEmpty(List<string> fields)
    {
        var count = fields.Count;
        while (count > 0 && fields[count - 1].Length == 0)
        {
            count--;
        }

        return count;
    }

    /// <summary>An IBAN in a preamble line such as "Konto:;CH93 0076 2011 6238 5295 7".</summary>
    private static string? PreambleIban(List<string> fields)
    {
        foreach (var field in fields)
        {
            var compact = field.Replace(" ", "", StringComparison.Ordinal);
            if (IbanText.LooksLikeIban(compact))
            {
                return compact;
            }
        }

        return null;
    }

    private string? ReadRecord()
    {
        var line = _lines.ReadLine();
        if (line is null || !CsvLine.EndsInsideQuotes(line))
        {
            return line;
        }

        var start = _lines.LineNumber;
        var record = line;
        while (CsvLine.EndsInsideQuotes(record))
        {
            var next = _lines.ReadLine() ?? throw new BankFileFormatException($"line {start}",
                "a quoted CSV field is still open at the end of the file: the last record is incomplete (is the file cut off?)");
            record += "\n" + next;
            if (record.Length > _options.MaxLineLength)
            {
                throw new BankFileFormatException($"line {start}", $"quoted CSV field never closes within {_options.MaxLineLength} characters");
            }
        }

        return record;
    }

    private string Get(Column column)
    {
        var index = _columns[(int)column];
        return index >= 0 && index < _fields.Count ? CsvProfileInference.Unwrap(_fields[index]) : string.Empty;
    }

    private string Description()
    {
        var parts = new List<string>();
        foreach (var index in _descriptionColumns)
        {
            if (index < _fields.Count && _fields[index].Length > 0)
            {
                parts.Add(_fields[index]);
            }
        }

        return string.Join(", ", parts);
    }

    private StatementEntry Entry(BankStatement statement)
    {
        decimal amount;
        if (_columns[(int)Column.Amount] >= 0)
        {
            amount = Amount(Get(Column.Amount), _profile.AmountColumn!) ?? 0;
            if (_profile.SignConvention == CsvSignConvention.DebitPositive)
            {
                amount = -amount;
            }
        }
        else
        {
            var debit = Amount(Get(Column.Debit), _profile.DebitColumn!);
            var credit = Amount(Get(Column.Credit), _profile.CreditColumn!);
            amount = (credit is { } c ? Math.Abs(c) : 0) - (debit is { } d ? Math.Abs(d) : 0);
        }

        var description = Description();
        var currency = Get(Column.Currency);
        var entry = new StatementEntry
        {
            Amount = amount,
            IsCredit = amount >= 0,
            Currency = currency.Length > 0 ? currency : statement.Currency ?? string.Empty,
            BookingDate = Date(Get(Column.BookingDate), _profile.BookingDateColumn),
            ValueDate = _columns[(int)Column.ValueDate] >= 0 && Get(Column.ValueDate).Length > 0 ? Date(Get(Column.ValueDate), _profile.ValueDateColumn!) : null,
            RemittanceInfo = description.Length == 0 ? null : description,
            AccountServicerReference = NullIfEmpty(Get(Column.Reference)),
            CounterpartyName = NullIfEmpty(Get(Column.CounterpartyName)),
            CounterpartyIban = NullIfEmpty(Get(Column.CounterpartyAccount)),
        };
        entry.Details = entry.RemittanceInfo;
        return entry;
    }

    private decimal? Amount(string text, string column)
    {
        if (text.Length == 0)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        foreach (var c in text)
        {
            if (_profile.ThousandsSeparators.Contains(c, StringComparison.Ordinal) || c == ' ' || c == '\u00A0')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                length = 0;
                break;
            }

            buffer[length++] = c;
        }

        if (length == 0 || !AmountText.TryParse(buffer[..length], _profile.DecimalSeparator, out var value))
        {
            throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected an amount in column \"{column}\", found \"{Clip(text)}\"");
        }

        return value;
    }

    private DateOnly Date(string text, string column)
    {
        foreach (var format in _profile.DateFormats)
        {
            if (CsvProfileInference.TryDate(text, format, out var date))
            {
                return date;
            }
        }

        throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected a date ({string.Join(" or ", _profile.DateFormats)}) in column \"{column}\", found \"{Clip(text)}\"");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Clip(string text) => text.Length > 30 ? text[..30] + "..." : text;
}
