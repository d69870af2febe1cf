using System.Globalization;
using Billing.BankFiles.Text;

namespace Billing.BankFiles.Mt940;

/// <summary>
/// Streams SWIFT MT940/MT942 statements. Accepts files with or without {1:}{2:}{4:} block headers, several
/// messages per file, free text before the first tag and between messages, CR/LF/CRLF, and ":86:" fields over
/// several lines. A statement starts at :20: and ends at the next :20: or the end of the file; an :86: belongs to
/// the preceding :61:, or to the statement when it follows a balance. Lines are read as spans into one reusable
/// field buffer; only the values an entry keeps become strings.
/// </summary>
internal sealed class Mt940Parser
{
    private readonly LineReader _lines;
    private readonly BankFileFormat _format;
    private readonly BankFileReaderOptions _options;
    private readonly FieldText _field = new();
    private string? _tag;
    private int _tagLine;
    private BankStatement? _statement;
    private bool _statementAnnounced;
    private StatementEntry? _pending;
    private string? _floorCurrency;
    private bool _sawEntryOrClosing;
    private bool _sawFirstTag;
    private bool _warnedWrappedLine;
    private readonly List<string> _warnings = [];

    public Mt940Parser(LineReader lines, BankFileFormat format, BankFileReaderOptions options)
    {
        _lines = lines;
        _format = format;
        _options = options;
    }

    public IEnumerable<BankFileEvent> Parse()
    {
        yield return new BankFileEvent.FileStarted(_format, null);
        var events = new List<BankFileEvent>();
        var sawTag = false;
        while (true)
        {
            var line = _lines.ReadLineSpan(out var more);
            if (!more)
            {
                break;
            }

            sawTag |= ReadLine(line, events);
            foreach (var e in events)
            {
                yield return e;
            }

            events.Clear();
        }

        FlushField(events);
        FlushEntry(events);
        CompleteStatement(events);
        foreach (var e in events)
        {
            yield return e;
        }

        if (!sawTag)
        {
            throw new BankFileFormatException("line 1", "expected SWIFT fields such as :20:, :25:, :60F:");
        }

        yield return new BankFileEvent.FileCompleted(_format, null, _warnings);
    }

    /// <summary>Adds one physical line to the current field, or flushes it when a new tag or a block boundary starts; true on a tag.</summary>
    private bool ReadLine(ReadOnlySpan<char> raw, List<BankFileEvent> events)
    {
        var line = StripBlocks(raw.TrimEnd(), out var terminator);
        if (terminator)
        {
            FlushField(events);
            _tag = null;
        }

        if (IsTag(line, out var tagLength))
        {
            _sawFirstTag = true;
            FlushField(events);
            _tag = TagName(line.Slice(1, tagLength));
            _tagLine = _lines.LineNumber;
            _field.Add(line[(tagLength + 2)..]);
            return true;
        }

        if (_tag is null && !terminator && _sawFirstTag && !IsPreamble(line))
        {
            throw new BankFileFormatException($"line {_lines.LineNumber}", $"expected a SWIFT field tag such as :20: or :61:, found \"{Clip(line)}\"");
        }

        if (_tag is not null && !terminator)
        {
            if (_field.Count >= FieldText.MaxLines)
            {
                throw new BankFileFormatException($"line {_lines.LineNumber}", $":{_tag}: has too many continuation lines");
            }

            _field.Add(line);
        }

        return false;
    }

    /// <summary>
    /// Lines outside a field that banks put before a message: blank lines and short routing lines such as the
    /// "ABNANL2A" / "940" / "0000 01INGBNL2AXXXX00001" preamble (upper-case letters, digits, spaces, at most 40, control
    /// characters ignored). Anything else (prose, a line that merely contains ":20:") is not SWIFT.
    /// </summary>
    private static bool IsPreamble(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim().Trim("\u0001\u0002\u0003\u001a\0");
        return trimmed.Length <= 40 && !trimmed.ContainsAnyExcept(_preambleCharacters);
    }

    private static readonly System.Buffers.SearchValues<char> _preambleCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /-.");

    private static string Clip(ReadOnlySpan<char> text) => text.Length > 40 ? text[..40].ToString() + "..." : text.ToString();

    private static string TagName(ReadOnlySpan<char> tag) => tag switch
    {
        "61" => "61",
        "86" => "86",
        "20" => "20",
        "21" => "21",
        "25" => "25",
        "28" => "28",
        "28C" => "28C",
        "60F" => "60F",
        "60M" => "60M",
        "62F" => "62F",
        "62M" => "62M",
        "64" => "64",
        "65" => "65",
        _ => tag.ToString(),
    };

    private static ReadOnlySpan<char> StripBlocks(ReadOnlySpan<char> line, out bool terminator)
    {
        terminator = false;
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("-}") || trimmed.SequenceEqual("-") || trimmed.StartsWith("{5:") || trimmed.SequenceEqual("}"))
        {
            terminator = true;
            return ReadOnlySpan<char>.Empty;
        }

        while (trimmed.Length > 2 && trimmed[0] == '{' && char.IsAsciiDigit(trimmed[1]) && trimmed[2] == ':')
        {
            if (trimmed[1] == '4')
            {
                terminator = true;
                return trimmed[3..].TrimStart();
            }

            var depth = 0;
            var end = 0;
            for (; end < trimmed.Length; end++)
            {
                if (trimmed[end] == '{')
                {
                    depth++;
                }
                else if (trimmed[end] == '}' && --depth == 0)
                {
                    break;
                }
            }

            terminator = true;
            trimmed = end + 1 >= trimmed.Length ? ReadOnlySpan<char>.Empty : trimmed[(end + 1)..];
        }

        return terminator ? trimmed : line;
    }

    private static bool IsTag(ReadOnlySpan<char> line, out int tagLength)
    {
        tagLength = 0;
        if (line.Length < 4 || line[0] != ':')
        {
            return false;
        }

        if (char.IsAsciiDigit(line[1]) && char.IsAsciiDigit(line[2]))
        {
            tagLength = line[3] == ':' ? 2 : line.Length > 4 && char.IsAsciiLetterUpper(line[3]) && line[4] == ':' ? 3 : 0;
        }
        else if (line[1] == 'N' && line[2] == 'S' && line[3] == ':')
        {
            tagLength = 2;
        }

        return tagLength > 0;
    }

    private string Position => $"line {_tagLine}";

    private void FlushField(List<BankFileEvent> events)
    {
        if (_tag is null)
        {
            return;
        }

        var tag = _tag;
        _tag = null;
        if (tag == "61")
        {
            FlushStatementLine(events);
        }
        else if (tag == "86")
        {
            AddDetails(_field.Join(0, '\n', trim: true));
        }
        else
        {
            FlushOtherField(tag, _field.Line(0).ToString(), events);
        }

        _field.Clear();
    }

    private void FlushStatementLine(List<BankFileEvent> events)
    {
        if (_format == BankFileFormat.Mt940 && _statement?.OpeningBalance is null)
        {
            throw new BankFileFormatException(Position, ":61: statement line before the :60F:/:60M: opening balance");
        }

        _sawEntryOrClosing = true;
        FlushEntry(events);
        Announce(events);
        _pending = new StatementEntry();
        ReadOnlySpan<char> first = _field.Line(0).TrimEnd();
        var details = 1;
        var width = StatementLine.SwiftLineLength; // until a wrapped first line shows the bank's own width
        var lastLength = first.Length + StatementLine.TagLength;
        while (details < _field.Count && StatementLine.ContinuesOnNextLine(first, _field.Line(details).Trim(), lastLineFull: lastLength >= width))
        {
            // Wrapped at the bank's line length: the break is not part of the line (SWIFT: 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x] is one line).
            width = details == 1 ? lastLength : width;
            lastLength = _field.Line(details).Length;
            first = string.Concat(first, _field.Line(details).Trim());
            details++;
            if (!_warnedWrappedLine)
            {
                _warnedWrappedLine = true;
                _warnings.Add($"{Position}: :61: continues on the next line (wrapped at the bank's line length); its lines were joined (and likewise further on in the file)");
            }
        }

        if (StatementLine.Parse(first, _field.Count > details ? _field.Join(details, '\n', trim: true) : null, _pending, _tagLine))
        {
            _warnings.Add($"{Position}: :61: value date {first[..6]} does not exist (a period-end posting such as the 30th of February); read as {_pending.ValueDate:yyyy-MM-dd}");
        }

        _pending.Currency = Current.Currency ?? _floorCurrency ?? string.Empty;
    }

    private void AddDetails(string text)
    {
        if (_pending is not null)
        {
            _pending.Details = _pending.Details is null ? text : _pending.Details + "\n" + text;
        }
        else if (_sawEntryOrClosing)
        {
            Current.AdditionalInfo = Current.AdditionalInfo is null ? text : Current.AdditionalInfo + "\n" + text;
        }
        else
        {
            Current.HeaderInfo = Current.HeaderInfo is null ? text : Current.HeaderInfo + "\n" + text;
        }
    }

    private void FlushOtherField(string tag, string first, List<BankFileEvent> events)
    {
        switch (tag)
        {
            case "20":
                FlushEntry(events);
                CompleteStatement(events);
                Current.StatementId = NullIfEmpty(first.Trim());
                break;
            case "21":
                Current.RelatedReference = NullIfEmpty(first.Trim());
                break;
            case "25":
                SetAccount(_field.Join(0, null, trim: true));
                break;
            case "28" or "28C":
                var number = first.Trim();
                var slash = number.IndexOf('/');
                if (slash < 0 && number.Length > 5 && number.Length <= 10 && number.All(char.IsAsciiDigit))
                {
                    // 5n[/5n] written without the slash: the statement number has at most five digits.
                    number = number[..5] + "/" + number[5..];
                    slash = 5;
                }

                Current.StatementNumber = NullIfEmpty(slash < 0 ? number : number[..slash]);
                Current.SequenceNumber = slash < 0 ? null : NullIfEmpty(number[(slash + 1)..]);
                break;
            case "60F" or "60M":
                AddBalance(tag, first, b => Current.OpeningBalance = b);
                break;
            case "62F" or "62M":
                _sawEntryOrClosing = true;
                FlushEntry(events);
                AddBalance(tag, first, b => Current.ClosingBalance = b);
                break;
            case "64":
                FlushEntry(events);
                AddBalance(tag, first, b => Current.AvailableBalance = b);
                break;
            case "65":
                FlushEntry(events);
                AddBalance(tag, first, b => Current.ForwardAvailableBalance = b);
                break;
            case "13D" or "13":
                Current.CreationTime = CreationTime(first.Trim());
                break;
            case "34F":
                var floor = first.Trim();
                if (floor.Length >= 3 && _floorCurrency is null)
                {
                    _floorCurrency = floor[..3];
                    Current.Currency ??= _floorCurrency;
                }

                break;
            case "90D" or "90C" or "NS" or "25P" or "23":
                // :90D:/:90C: (MT942 sums), :NS: (non-SWIFT data), :25P: and :23: carry nothing the model needs.
                break;
            default:
                throw new BankFileFormatException(Position, $"unknown field :{tag}: in an {BankFile.NameOf(_format).ToUpperInvariant()} message: expected :20:, :21:, :25:, :28C:, :60F:/:60M:, :61:, :86:, :62F:/:62M:, :64:, :65:, :13D:, :34F:, :90D:/:90C: or :NS:");
        }
    }

    private BankStatement Current => _statement ??= new BankStatement
    {
        Kind = _format == BankFileFormat.Mt942 ? StatementKind.Report : StatementKind.Statement,
    };

    private void SetAccount(string account)
    {
        if (account.Length > _options.MaxFieldLength)
        {
            throw new BankFileFormatException(Position, ":25: account identification too long");
        }

        Current.Account = NullIfEmpty(account);
        var candidate = account.StartsWith('/') ? account[1..] : account;
        Current.Iban = IbanText.LooksLikeIban(candidate) ? candidate : null;
    }

    private void AddBalance(string tag, string text, Action<Balance> assign)
    {
        var balance = Mt940Balance.Parse(text, tag, Position);
        Current._balances.Add(balance);
        Current.Currency ??= balance.Currency;
        assign(balance);
    }

    private void Announce(List<BankFileEvent> events)
    {
        if (!_statementAnnounced)
        {
            _statementAnnounced = true;
            events.Add(new BankFileEvent.StatementStarted(_format, Current));
        }
    }

    private void FlushEntry(List<BankFileEvent> events)
    {
        if (_pending is null)
        {
            return;
        }

        if (_pending.Details is { } details)
        {
            _pending.DeferDetails(details);
        }

        events.Add(new BankFileEvent.EntryRead(_format, Current, _pending));
        _pending = null;
    }

    private void CompleteStatement(List<BankFileEvent> events)
    {
        if (_statement is null)
        {
            return;
        }

        if (_statement.Account is null && _statement._balances.Count == 0 && !_sawEntryOrClosing)
        {
            throw new BankFileFormatException($"line {_lines.LineNumber}",
                $"statement {_statement.StatementId ?? "?"} has neither a :25: account nor balances nor entries: this is not an {BankFile.NameOf(_format).ToUpperInvariant()} statement");
        }

        if (_format == BankFileFormat.Mt940 && _statement.ClosingBalance is null)
        {
            var missing = $"statement {_statement.StatementId ?? "?"} has no :62F:/:62M: closing balance: an MT940 statement ends with one, so the file may be cut off";
            if (_options.RequireStatedTotals)
            {
                throw new BankFileFormatException($"line {_lines.LineNumber}", missing);
            }

            _warnings.Add($"line {_lines.LineNumber}: {missing}");
        }

        Announce(events);
        events.Add(new BankFileEvent.StatementCompleted(_format, _statement));
        _statement = null;
        _statementAnnounced = false;
        _floorCurrency = null;
        _sawEntryOrClosing = false;
    }

    private DateTimeOffset? CreationTime(string text)
    {
        // :13D: YYMMDDhhmm±hhmm
        if (text.Length >= 10 && AmountText.TryParseYyMmDd(text.AsSpan(0, 6), out var date)
            && AmountText.TryDigits(text.AsSpan(6, 2), out var hour) && AmountText.TryDigits(text.AsSpan(8, 2), out var minute) && hour < 24 && minute < 60)
        {
            var offset = TimeSpan.Zero;
            if (text.Length >= 15 && text[10] is '+' or '-' && AmountText.TryDigits(text.AsSpan(11, 2), out var oh) && AmountText.TryDigits(text.AsSpan(13, 2), out var om) && oh < 15 && om < 60)
            {
                offset = new TimeSpan(oh, om, 0) * (text[10] == '-' ? -1 : 1);
            }

            return new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), offset);
        }

        throw new BankFileFormatException(Position, string.Create(CultureInfo.InvariantCulture, $":13D: expected YYMMDDhhmm+hhmm"));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
