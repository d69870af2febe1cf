using System.Globalization;
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
    private readonly List<string> _fields = [];
    private int[] _columns = [];

    public CsvStatementParser(LineReader lines, CsvProfile profile, BankFileReaderOptions options)
    {
        _lines = lines;
        _profile = profile;
        _options = options;
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
        yield return Event(BankFileEventKind.FileStarted, null, null);
        FindHeader();
        var statement = new BankStatement { Kind = StatementKind.Statement, Currency = _profile.Currency };
        yield return Event(BankFileEventKind.StatementStarted, statement, null);
        StatementEntry? pending = null;
        while (ReadRecord() is { } record)
        {
            if (string.IsNullOrWhiteSpace(record.Replace(_profile.Delimiter, ' ')))
            {
                continue;
            }

            CsvLine.Split(record, _profile.Delimiter, _fields);
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

            if (pending is not null)
            {
                yield return Event(BankFileEventKind.Entry, statement, pending);
            }

            pending = Entry(statement);
        }

        if (pending is not null)
        {
            yield return Event(BankFileEventKind.Entry, statement, pending);
        }

        yield return Event(BankFileEventKind.StatementCompleted, statement, null);
        yield return Event(BankFileEventKind.FileCompleted, null, null);
    }

    private BankFileEvent Event(BankFileEventKind kind, BankStatement? statement, StatementEntry? entry) =>
        new(kind) { Format = BankFileFormat.Csv, FormatVersion = _profile.Name, Statement = statement, Entry = entry };

    private void FindHeader()
    {
        for (var n = 0; n <= _profile.MaxPreambleLines; n++)
        {
            var line = _lines.ReadLine() ?? throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected the {_profile.Name} CSV header line");
            CsvLine.Split(line, _profile.Delimiter, _fields);
            if (CsvProfileMatcher.IsHeader(_fields, _profile))
            {
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
        }

        throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected the {_profile.Name} CSV header line within the first {_profile.MaxPreambleLines} lines");
    }

    private int[] _descriptionColumns = [];

    private string? ReadRecord()
    {
        var line = _lines.ReadLine();
        if (line is null || !CsvLine.EndsInsideQuotes(line))
        {
            return line;
        }

        var record = line;
        while (CsvLine.EndsInsideQuotes(record) && _lines.ReadLine() is { } next)
        {
            record += "\n" + next;
            if (record.Length > _options.MaxLineLength)
            {
                throw new BankFileFormatException($"line {_lines.LineNumber}", "quoted CSV field never closes");
            }
        }

        return record;
    }

    private string Get(Column column)
    {
        var index = _columns[(int)column];
        return index >= 0 && index < _fields.Count ? _fields[index] : string.Empty;
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
            if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected a date ({string.Join(" or ", _profile.DateFormats)}) in column \"{column}\", found \"{Clip(text)}\"");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Clip(string text) => text.Length > 30 ? text[..30] + "..." : text;
}
