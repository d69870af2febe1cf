namespace Billing.BankFiles.Text;

/// <summary>
/// Reads lines from a <see cref="TextReader"/> without ever holding more than one bounded line: CR, LF and CRLF
/// all end a line, and a line longer than the limit is a <see cref="BankFileFormatException"/> rather than
/// unbounded memory.
/// </summary>
internal sealed class LineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLineLength;
    private readonly char[] _buffer = new char[65536];
    private int _start;
    private int _end;
    private bool _eof;
    private char[] _line = new char[256];

    public LineReader(TextReader reader, int maxLineLength)
    {
        _reader = reader;
        _maxLineLength = maxLineLength;
    }

    /// <summary>1-based number of the line returned by the last <see cref="ReadLine"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Returns the next line without its terminator, or null at the end.</summary>
    public string? ReadLine()
    {
        var span = ReadLineSpan(out var ok);
        return ok ? span.ToString() : null;
    }

    /// <summary>Returns the next line as a span valid until the next call; <paramref name="ok"/> is false at the end.</summary>
    public ReadOnlySpan<char> ReadLineSpan(out bool ok)
    {
        if (_start < _end || Fill())
        {
            // The usual case: the whole line and its terminator are in the buffer, so the line is a slice of it (no copy).
            var available = _buffer.AsSpan(_start, _end - _start);
            var stop = available.IndexOfAny('\r', '\n');
            if (stop >= 0 && stop <= _maxLineLength && (available[stop] == '\n' || stop + 1 < available.Length))
            {
                _start += stop + 1;
                if (available[stop] == '\r' && available[stop + 1] == '\n')
                {
                    _start++;
                }

                LineNumber++;
                ok = true;
                return available[..stop];
            }
        }

        return ReadLineAcrossBuffers(out ok);
    }

    /// <summary>A line that the buffer does not hold whole: copied piece by piece into the line buffer.</summary>
    private ReadOnlySpan<char> ReadLineAcrossBuffers(out bool ok)
    {
        var length = 0;
        while (true)
        {
            if (_start >= _end && !Fill())
            {
                if (length == 0)
                {
                    ok = false;
                    return default;
                }

                break;
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            var stop = available.IndexOfAny('\r', '\n');
            var take = stop < 0 ? available.Length : stop;
            Append(available[..take], ref length);
            _start += take;
            if (stop < 0)
            {
                continue;
            }

            var terminator = _buffer[_start];
            _start++;
            if (terminator == '\r')
            {
                if (_start >= _end)
                {
                    Fill();
                }

                if (_start < _end && _buffer[_start] == '\n')
                {
                    _start++;
                }
            }

            break;
        }

        LineNumber++;
        ok = true;
        return _line.AsSpan(0, length);
    }

    private void Append(ReadOnlySpan<char> chars, ref int length)
    {
        if (length + chars.Length > _maxLineLength)
        {
            throw new BankFileFormatException($"line {LineNumber + 1}", $"line longer than {_maxLineLength} characters");
        }

        if (length + chars.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Max(_line.Length * 2, length + chars.Length));
        }

        chars.CopyTo(_line.AsSpan(length));
        length += chars.Length;
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        _start = 0;
        _end = _reader.Read(_buffer, 0, _buffer.Length);
        if (_end <= 0)
        {
            _end = 0;
            _eof = true;
            return false;
        }

        return true;
    }
}
