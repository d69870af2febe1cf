using System.Buffers;
using System.Globalization;

namespace Billing.BankFiles.Camt;

/// <summary>
/// Passes an XML byte stream through to the <see cref="System.Xml.XmlReader"/> while bounding every token on the way
/// in: a start or end tag (its name and all its attributes), a run of text between tags, a comment, a CDATA section
/// and a processing instruction may each be at most <see cref="BankFileReaderOptions.MaxXmlTokenLength"/> bytes.
/// The reader buffers a whole tag (and materialises a whole text node) before anyone can look at it, so a limit
/// checked afterwards comes too late; here a hostile 200 MB attribute, name or text costs one buffer, not gigabytes.
/// Works on bytes, so it needs an ASCII-compatible encoding (UTF-8, ISO-8859-x, Windows-125x: every camt file seen);
/// a UTF-16 document (BOM FF FE or FE FF) is passed through unchecked and left to the reader's own limits.
/// </summary>
internal sealed class XmlTokenLimitStream(Stream inner, int limit) : Text.ForwardOnlyStream
{
    private enum State
    {
        Text,
        AfterLt,
        AfterLtBang,
        AfterLtBangDash,
        Tag,
        Comment,
        CData,
        ProcessingInstruction,
    }

    private static readonly SearchValues<byte> _tagStops = SearchValues.Create(">\"'\n"u8);

    private State _state;
    private byte _quote;
    private byte _last1;
    private byte _last2;
    private long _run;
    private int _line = 1;
    private int _tokenLine = 1;
    private bool _checked;
    private bool _unchecked;

    /// <summary>The 1-based line the stream has been read up to (the reader reads ahead by its buffer).</summary>
    public int Line => _line;

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (!_checked && n > 0)
        {
            _checked = true;
            _unchecked = n >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF));
        }

        if (!_unchecked)
        {
            Scan(buffer[..n]);
        }

        return n;
    }

    private void Scan(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var rest = bytes[i..];
            int stop;
            switch (_state)
            {
                case State.Text:
                    stop = rest.IndexOfAny((byte)'<', (byte)'\n');
                    break;
                case State.Tag when _quote != 0:
                    stop = rest.IndexOfAny(_quote, (byte)'\n');
                    break;
                case State.Tag:
                    stop = rest.IndexOfAny(_tagStops);
                    break;
                case State.Comment or State.CData or State.ProcessingInstruction:
                    stop = rest.IndexOfAny((byte)'>', (byte)'\n');
                    break;
                default:
                    stop = 0;
                    break;
            }

            var skipped = stop < 0 ? rest.Length : stop;
            Grow(skipped);
            if (skipped >= 2)
            {
                _last2 = rest[skipped - 2];
                _last1 = rest[skipped - 1];
            }
            else if (skipped == 1)
            {
                _last2 = _last1;
                _last1 = rest[0];
            }

            if (stop < 0)
            {
                return;
            }

            var b = rest[stop];
            i += stop + 1;
            Step(b);
            _last2 = _last1;
            _last1 = b;
        }
    }

    private void Step(byte b)
    {
        if (b == '\n')
        {
            _line++;
            if (_state == State.Tag || _state == State.Text)
            {
                Grow(1);
                return;
            }
        }

        switch (_state)
        {
            case State.Text when b == '<':
                Begin(State.AfterLt);
                break;
            case State.AfterLt:
                _state = b switch { (byte)'!' => State.AfterLtBang, (byte)'?' => State.ProcessingInstruction, _ => State.Tag };
                AfterTagByte(b);
                break;
            case State.AfterLtBang:
                _state = b switch { (byte)'-' => State.AfterLtBangDash, (byte)'[' => State.CData, _ => State.Tag };
                AfterTagByte(b);
                break;
            case State.AfterLtBangDash:
                _state = b == '-' ? State.Comment : State.Tag;
                AfterTagByte(b);
                break;
            case State.Tag:
                AfterTagByte(b);
                break;
            case State.Comment when b == '>' && _last1 == '-' && _last2 == '-':
            case State.CData when b == '>' && _last1 == ']' && _last2 == ']':
            case State.ProcessingInstruction when b == '>' && _last1 == '?':
                Begin(State.Text);
                break;
            default:
                Grow(1);
                break;
        }
    }

    private void AfterTagByte(byte b)
    {
        if (_state != State.Tag)
        {
            Grow(1);
        }
        else if (_quote != 0)
        {
            _quote = b == _quote ? (byte)0 : _quote;
            Grow(1);
        }
        else if (b == '>')
        {
            Begin(State.Text);
        }
        else
        {
            _quote = b is (byte)'"' or (byte)'\'' ? b : (byte)0;
            Grow(1);
        }
    }

    private void Begin(State state)
    {
        _state = state;
        _run = 0;
        _quote = 0;
        _tokenLine = _line;
    }

    private void Grow(int bytes)
    {
        _run += bytes;
        if (_run > limit)
        {
            var what = _state switch
            {
                State.Text => "text between elements",
                State.Comment => "comment",
                State.CData => "CDATA section",
                State.ProcessingInstruction => "processing instruction",
                _ => "element tag (its name and attributes)",
            };
            throw new BankFileFormatException(
                string.Create(CultureInfo.InvariantCulture, $"line {_tokenLine}"),
                string.Create(CultureInfo.InvariantCulture, $"XML {what} longer than the limit of {limit} bytes"));
        }
    }
}
