using System.Globalization;
using System.Text;
using System.Xml;

namespace Billing.BankFiles.Camt;

/// <summary>
/// A forward-only view of an <see cref="XmlReader"/> that knows the element path (for error positions),
/// enforces the depth and text-length limits, and parses camt amounts, dates and timestamps. Children are walked
/// with <see cref="Enter"/> and <see cref="NextChild"/> (no delegate per element); a position is only formatted when
/// an error is reported, from a <see cref="Mark"/> taken where the element started.
/// </summary>
internal sealed class XmlCursor
{
    private readonly XmlReader _reader;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly BankFileReaderOptions _options;
    private readonly string[] _path;
    private int _depth;
    private int _nodeDepth;
    private XmlNodeType _nodeType;
    private bool _sawElement;

    public XmlCursor(XmlReader reader, BankFileReaderOptions options)
    {
        _reader = reader;
        _lineInfo = reader as IXmlLineInfo;
        _options = options;
        _path = new string[options.MaxXmlDepth + 2];
    }

    public XmlReader Reader => _reader;

    /// <summary>The local name of the current node (atomised by the reader's name table).</summary>
    public string Name => _reader.LocalName;

    /// <summary>Where the reader is: "line 12, /Document/BkToCstmrStmt/Stmt/Ntry/Amt".</summary>
    public string Position => Format(Mark());

    /// <summary>Remembers the current line and depth; valid for <see cref="Format"/> while the reader is still inside that element.</summary>
    public PositionMark Mark() => new(_lineInfo is { } info && info.HasLineInfo() ? info.LineNumber : 0, _depth);

    /// <summary>Formats a remembered position: its line and the element path down to its depth.</summary>
    public string Format(PositionMark mark)
    {
        var builder = new StringBuilder();
        if (mark.Line > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"line {mark.Line}, ");
        }

        for (var k = 0; k < mark.Depth; k++)
        {
            builder.Append('/').Append(_path[k]);
        }

        return builder.ToString();
    }

    /// <summary>Moves to the next node; on an element start pushes its name, on an element end pops it.</summary>
    public bool Read()
    {
        if (!ReadNode())
        {
            _nodeType = XmlNodeType.None;
            return false;
        }

        var depth = _nodeDepth = _reader.Depth;
        _nodeType = _reader.NodeType;
        if (_nodeType == XmlNodeType.Element)
        {
            if (depth > _options.MaxXmlDepth)
            {
                throw new BankFileFormatException(Position, $"elements nested deeper than {_options.MaxXmlDepth}");
            }

            // Names are atomised: in repetitive documents the slot usually holds this name already, and skipping the
            // store saves a GC write barrier per element.
            var name = _reader.LocalName;
            if (!ReferenceEquals(_path[depth], name))
            {
                _path[depth] = name;
            }

            _depth = depth + 1;
            _sawElement = true;
        }
        else
        {
            _depth = depth;
        }

        return true;
    }

    private bool ReadNode()
    {
        try
        {
            return _reader.Read();
        }
        catch (XmlException ex) when (ex.LineNumber == 0 && !_sawElement)
        {
            // A prohibited DTD is reported without a line, and the reader forgets its own: name the prolog instead.
            throw new BankFileFormatException("prolog, before the root element", "malformed XML: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Starts walking the children of the current start element: returns the token to pass to <see cref="NextChild"/>
    /// (an empty element has no children).
    /// </summary>
    public int Enter() => _reader.IsEmptyElement ? -1 : _nodeDepth;

    /// <summary>
    /// Moves to the next child start element of the element entered with <paramref name="parent"/>; false at its end
    /// tag. The caller consumes each child (ReadText, Skip, a nested walk) or ignores it: grandchildren are passed over.
    /// </summary>
    public bool NextChild(int parent)
    {
        if (parent < 0)
        {
            return false;
        }

        // Read() caches the node type and depth, so the walk makes no extra calls into the reader.
        while (Read())
        {
            if (_nodeType == XmlNodeType.Element)
            {
                if (_nodeDepth == parent + 1)
                {
                    return true;
                }
            }
            else if (_nodeType == XmlNodeType.EndElement && _nodeDepth == parent)
            {
                return false;
            }
        }

        throw new BankFileFormatException(Position, "unexpected end of document");
    }

    /// <summary>Reads the text content of the current element (which must be a start element) and moves past its end.</summary>
    public string ReadText()
    {
        if (_reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = _nodeDepth;
        string? text = null;
        while (Read())
        {
            switch (_nodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    var value = _reader.Value;
                    text = text is null ? value : text + value;
                    if (text.Length > _options.MaxFieldLength)
                    {
                        throw new BankFileFormatException(Position, $"text longer than {_options.MaxFieldLength} characters");
                    }

                    break;
                case XmlNodeType.EndElement when _nodeDepth == depth:
                    return text is null ? string.Empty : Trim(text);
                case XmlNodeType.Element:
                    throw new BankFileFormatException(Position, "expected text, found a child element");
            }
        }

        throw new BankFileFormatException(Position, "unexpected end of document");
    }

    /// <summary>Reads the Ccy attribute of the current element, if any.</summary>
    public string? Currency() => _reader.GetAttribute("Ccy");

    /// <summary>Reads an unsigned camt amount (decimal point, no sign, no exponent); an error names the amount element.</summary>
    public decimal ReadAmount()
    {
        var start = Mark();
        var text = ReadText();
        if (!Text.AmountText.TryParse(text, '.', out var amount) || amount < 0)
        {
            throw new BankFileFormatException(Format(start), $"expected an unsigned decimal amount, found \"{Clip(text)}\"");
        }

        return amount;
    }

    /// <summary>Reads an ISO date (YYYY-MM-DD, an optional zone suffix is ignored).</summary>
    public DateOnly ReadDate()
    {
        var start = Mark();
        var text = ReadText();
        if (TryIsoDate(text, out var date))
        {
            return date;
        }

        throw new BankFileFormatException(Format(start), $"expected a date YYYY-MM-DD, found \"{Clip(text)}\"");
    }

    /// <summary>Reads an ISO date-time; without a zone designator it is taken as UTC.</summary>
    public DateTimeOffset ReadDateTime()
    {
        var start = Mark();
        var text = ReadText();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && text.Length >= 10)
        {
            return value;
        }

        // Off-spec but seen from banks: a comma or a colon before the fractional seconds ("18:00:00,123", "18:00:00:123").
        if (text.Length > 20 && text[10] == 'T' && text[19] is ',' or ':'
            && DateTimeOffset.TryParse(string.Concat(text.AsSpan(0, 19), ".", text.AsSpan(20)), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            Warn($"date-times such as \"{Clip(text)}\" separate the fractional seconds with '{text[19]}' instead of '.'; read as {value:O}");
            return value;
        }

        throw new BankFileFormatException(Format(start), $"expected a date-time YYYY-MM-DDThh:mm:ss, found \"{Clip(text)}\"");
    }

    /// <summary>Accepted deviations from the schema, each kind said once.</summary>
    public List<string> Warnings { get; } = [];

    private void Warn(string warning)
    {
        var kind = warning[..Math.Min(20, warning.Length)];
        if (!Warnings.Exists(w => w.StartsWith(kind, StringComparison.Ordinal)))
        {
            Warnings.Add(warning);
        }
    }

    /// <summary>Skips the current element and its subtree.</summary>
    public void Skip()
    {
        var parent = Enter();
        while (NextChild(parent))
        {
            // Every descendant is passed over.
        }
    }

    /// <summary>Parses YYYY-MM-DD from the first ten characters (a time or zone may follow).</summary>
    internal static bool TryIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !Text.AmountText.TryDigits(text[..4], out var year) || !Text.AmountText.TryDigits(text.Slice(5, 2), out var month)
            || !Text.AmountText.TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        return year >= 1 && Text.AmountText.TryDate(year, month, day, out date);
    }

    private static string Trim(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? text.Trim() : text;

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
