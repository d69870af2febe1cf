using System.Text;
using Billing.BankFiles.Text;

namespace Billing.BankFiles.Bai2;

/// <summary>
/// Turns BAI2 physical lines into logical records. A record starts with a two-digit type and a comma; its fields
/// end at '/' (which may be missing at the end of a line); several records may share a line ("…/  02,…"). The
/// last field of a 16 record is free text that may itself contain '/': it runs to the end of the line, or to a '/'
/// followed by spaces and the start of another record of a type BAI2 defines, and a final '/' is dropped. 88 records
/// continue the previous record (any type, 02 and 03 included, a field group such as a 03 type code and its amount
/// split between them): more fields, or for a 16 whose fields are complete more text (joined with a space); a 16 that
/// ends with '/' before its references takes them, and then its text, from the 88. An empty 88 (<c>88</c>, <c>88,</c>,
/// <c>88,/</c>) adds nothing but is counted by the trailers like every physical record. A line that does not start
/// with a record type continues the text (or fields) of the previous record.
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
            var line = _lines.ReadLineSpan(out var more);
            if (!more)
            {
                var last = _current;
                _current = null;
                return last;
            }

            Consume(line.TrimEnd());
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

            if (IsBareContinuation(line))
            {
                // "88" or "88/": an empty continuation, counted by the trailers like any other record.
                _current = _current ?? throw new BankFileFormatException($"line {_lines.LineNumber}", "88 continuation record without a preceding record");
                _current.PhysicalCount++;
                line = line.Length > 2 ? line[3..] : ReadOnlySpan<char>.Empty;
                first = false;
                continue;
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
                var content = line.TrimStart();
                if (content.IsEmpty || content[0] == '/')
                {
                    // An empty 88 ("88," or "88,/") adds no field and no text.
                    line = content.IsEmpty ? content : content[1..];
                    continue;
                }

                if (_current.Code == "16" && (_textMode || (_current.FieldsClosed && _current.Fields.Count >= TextIndex(_current))))
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

    private static bool IsBareContinuation(ReadOnlySpan<char> text) =>
        text.StartsWith("88") && (text.Length == 2 || text[2] == '/');

    /// <summary>A record type BAI2 defines, followed by its comma: what may follow a '/' that ends a 16's text on the same line.</summary>
    private static bool StartsKnownRecord(ReadOnlySpan<char> text) =>
        StartsRecord(text) && text[..2] is "01" or "02" or "03" or "16" or "49" or "88" or "98" or "99";

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
            if (separator is not null && record.Text.Length > 0 && text.Length > 0)
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
            if (trimmed.IsEmpty || (trimmed.Length < after.Length && StartsKnownRecord(trimmed)))
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
