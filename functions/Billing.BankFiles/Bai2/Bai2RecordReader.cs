using System.Text;
using Billing.BankFiles.Text;

namespace Billing.BankFiles.Bai2;

/// <summary>
/// Turns BAI2 physical lines into logical records. A record starts with a two-digit type and a comma; its fields
/// end at '/' (which may be missing at the end of a line); several records may share a line ("…/  02,…"). The
/// last field of a 16 record is free text that may itself contain '/': it runs to the end of the line, or to a '/'
/// followed by the start of another record, and a final '/' is dropped. 88 records continue the previous record:
/// more fields, or for a 16 more text (joined with a space). A line that does not start with a record type continues
/// the text (or fields) of the previous record.
/// </summary>
internal sealed class Bai2RecordReader
{
    private readonly LineReader _lines;
    private readonly BankFileReaderOptions _options;
    private readonly Queue<Bai2Record> _ready = new();
    private Bai2Record? _current;
    private bool _textMode;

    public Bai2RecordReader(LineReader lines, BankFileReaderOptions options)
    {
        _lines = lines;
        _options = options;
    }

    /// <summary>The next complete logical record, or null at the end of the file.</summary>
    public Bai2Record? Next()
    {
        while (_ready.Count == 0)
        {
            var line = _lines.ReadLine();
            if (line is null)
            {
                var last = _current;
                _current = null;
                return last;
            }

            Consume(line.AsSpan().TrimEnd());
        }

        return _ready.Dequeue();
    }

    private void Consume(ReadOnlySpan<char> line)
    {
        var first = true;
        while (true)
        {
            line = line.TrimStart();
            if (line.IsEmpty)
            {
                return;
            }

            if (!StartsRecord(line))
            {
                if (_current is null || !first)
                {
                    throw new BankFileFormatException($"line {_lines.LineNumber}", "expected a BAI2 record type such as 01, 02, 03, 16, 88, 49, 98 or 99");
                }

                line = _textMode ? AppendText(line, separator: null) : AppendFields(line);
                first = false;
                continue;
            }

            first = false;
            var code = line[..2].ToString();
            line = line[3..];
            if (code == "88" && _current is not null)
            {
                _current.PhysicalCount++;
                if (_current.Code == "16" && (_textMode || _current.FieldsClosed))
                {
                    _textMode = true;
                    line = AppendText(line, separator: " ");
                }
                else
                {
                    line = AppendFields(line);
                }

                continue;
            }

            if (code == "88")
            {
                throw new BankFileFormatException($"line {_lines.LineNumber}", "88 continuation record without a preceding record");
            }

            if (_current is not null)
            {
                _ready.Enqueue(_current);
            }

            _current = new Bai2Record(code, _lines.LineNumber);
            _textMode = false;
            line = AppendFields(line);
        }
    }

    private static bool StartsRecord(ReadOnlySpan<char> text) =>
        text.Length >= 3 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && text[2] == ',';

    /// <summary>Reads comma-separated fields until '/', the end of the line, or (for a 16) the start of the text.</summary>
    private ReadOnlySpan<char> AppendFields(ReadOnlySpan<char> line)
    {
        var record = _current!;
        if (record.FieldsClosed && record.Code != "16")
        {
            record.FieldsClosed = false;
        }

        while (true)
        {
            if (record.Code == "16" && record.Fields.Count == TextIndex(record))
            {
                _textMode = true;
                return AppendText(line, separator: null);
            }

            var end = line.IndexOfAny(',', '/');
            var value = end < 0 ? line : line[..end];
            CheckLength(value);
            record.Fields.Add(value.Trim().ToString());
            if (end < 0)
            {
                return ReadOnlySpan<char>.Empty;
            }

            if (line[end] == '/')
            {
                record.FieldsClosed = true;
                return line[(end + 1)..];
            }

            line = line[(end + 1)..];
        }
    }

    /// <summary>Index of the text field of a 16 record: after type, amount, funds type (+ its details), bank and customer references.</summary>
    private static int TextIndex(Bai2Record record)
    {
        if (record.Fields.Count < 3)
        {
            return int.MaxValue;
        }

        var extra = record.Fields[2] switch
        {
            "V" => 2,
            "S" => 3,
            "D" => record.Fields.Count > 3 && Text.AmountText.TryDigits(record.Fields[3], out var n) && n < 100 ? 1 + (2 * n) : 1,
            _ => 0,
        };
        return 3 + extra + 2;
    }

    private ReadOnlySpan<char> AppendText(ReadOnlySpan<char> line, string? separator)
    {
        var record = _current!;
        var end = TextEnd(line, out var next);
        var text = line[..end];
        CheckLength(text);
        if (record.Text is null)
        {
            record.Text = text.ToString();
        }
        else
        {
            var builder = new StringBuilder(record.Text.Length + text.Length + 1).Append(record.Text);
            if (separator is not null && record.Text.Length > 0)
            {
                builder.Append(separator);
            }

            record.Text = builder.Append(text).ToString();
        }

        if (record.Text.Length > _options.MaxFieldLength)
        {
            throw new BankFileFormatException($"line {_lines.LineNumber}", $"text longer than {_options.MaxFieldLength} characters");
        }

        return line[next..];
    }

    /// <summary>Text ends at a '/' followed by spaces and another record, or at the end of the line (a final '/' dropped).</summary>
    private static int TextEnd(ReadOnlySpan<char> line, out int next)
    {
        var from = 0;
        while (true)
        {
            var slash = line[from..].IndexOf('/');
            if (slash < 0)
            {
                next = line.Length;
                return line.Length;
            }

            slash += from;
            var after = line[(slash + 1)..];
            var trimmed = after.TrimStart();
            if (trimmed.IsEmpty || (trimmed.Length < after.Length && StartsRecord(trimmed)))
            {
                next = slash + 1;
                return slash;
            }

            from = slash + 1;
        }
    }

    private void CheckLength(ReadOnlySpan<char> value)
    {
        if (value.Length > _options.MaxFieldLength)
        {
            throw new BankFileFormatException($"line {_lines.LineNumber}", $"field longer than {_options.MaxFieldLength} characters");
        }
    }
}
