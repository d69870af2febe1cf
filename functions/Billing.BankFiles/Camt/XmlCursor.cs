using System.Globalization;
using System.Text;
using System.Xml;

namespace Billing.BankFiles.Camt;

/// <summary>
/// A forward-only view of an <see cref="XmlReader"/> that knows the element path (for error positions),
/// enforces the depth and text-length limits, and parses camt amounts, dates and timestamps.
/// </summary>
internal sealed class XmlCursor
{
    private readonly XmlReader _reader;
    private readonly BankFileReaderOptions _options;
    private readonly string[] _path;
    private int _depth;

    public XmlCursor(XmlReader reader, BankFileReaderOptions options)
    {
        _reader = reader;
        _options = options;
        _path = new string[options.MaxXmlDepth + 2];
    }

    public XmlReader Reader => _reader;

    /// <summary>Where the reader is: "line 12, /Document/BkToCstmrStmt/Stmt/Ntry/Amt".</summary>
    public string Position
    {
        get
        {
            var builder = new StringBuilder();
            if (_reader is IXmlLineInfo info && info.HasLineInfo())
            {
                builder.Append(CultureInfo.InvariantCulture, $"line {info.LineNumber}, ");
            }

            for (var k = 0; k < _depth; k++)
            {
                builder.Append('/').Append(_path[k]);
            }

            return builder.ToString();
        }
    }

    /// <summary>Moves to the next node; on an element start pushes its name, on an element end pops it.</summary>
    public bool Read()
    {
        if (!_reader.Read())
        {
            return false;
        }

        if (_reader.NodeType == XmlNodeType.Element)
        {
            if (_reader.Depth > _options.MaxXmlDepth)
            {
                throw new BankFileFormatException(Position, $"elements nested deeper than {_options.MaxXmlDepth}");
            }

            _depth = _reader.Depth + 1;
            _path[_reader.Depth] = _reader.LocalName;
        }
        else
        {
            _depth = _reader.Depth;
        }

        return true;
    }

    /// <summary>Reads the text content of the current element (which must be a start element) and moves past its end.</summary>
    public string ReadText()
    {
        if (_reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = _reader.Depth;
        string? text = null;
        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    var value = _reader.Value;
                    text = text is null ? value : text + value;
                    if (text.Length > _options.MaxFieldLength)
                    {
                        throw new BankFileFormatException(Position, $"text longer than {_options.MaxFieldLength} characters");
                    }

                    break;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    return text?.Trim() ?? string.Empty;
                case XmlNodeType.Element:
                    throw new BankFileFormatException(Position, "expected text, found a child element");
            }
        }

        throw new BankFileFormatException(Position, "unexpected end of document");
    }

    /// <summary>Reads the Ccy attribute of the current element, if any.</summary>
    public string? Currency() => _reader.GetAttribute("Ccy");

    /// <summary>Reads an unsigned camt amount (decimal point, no sign, no exponent).</summary>
    public decimal ReadAmount()
    {
        var text = ReadText();
        if (!Text.AmountText.TryParse(text, '.', out var amount) || amount < 0)
        {
            throw new BankFileFormatException(Position, $"expected an unsigned decimal amount, found \"{Clip(text)}\"");
        }

        return amount;
    }

    /// <summary>Reads an ISO date (YYYY-MM-DD, an optional zone suffix is ignored).</summary>
    public DateOnly ReadDate()
    {
        var text = ReadText();
        if (text.Length >= 10 && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new BankFileFormatException(Position, $"expected a date YYYY-MM-DD, found \"{Clip(text)}\"");
    }

    /// <summary>Reads an ISO date-time; without a zone designator it is taken as UTC.</summary>
    public DateTimeOffset ReadDateTime()
    {
        var text = ReadText();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && text.Length >= 10)
        {
            return value;
        }

        throw new BankFileFormatException(Position, $"expected a date-time YYYY-MM-DDThh:mm:ss, found \"{Clip(text)}\"");
    }

    /// <summary>Skips the current element and its subtree.</summary>
    public void Skip()
    {
        if (_reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        while (Read())
        {
            if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                return;
            }
        }

        throw new BankFileFormatException(Position, "unexpected end of document");
    }

    /// <summary>
    /// Walks the children of the current element: for each child start element calls <paramref name="onChild"/>,
    /// which must consume the child (ReadText, Skip or a nested walk).
    /// </summary>
    public void Children(Action onChild)
    {
        if (_reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        while (Read())
        {
            if (_reader.NodeType == XmlNodeType.Element && _reader.Depth == depth + 1)
            {
                onChild();
            }
            else if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                return;
            }
        }

        throw new BankFileFormatException(Position, "unexpected end of document");
    }

    public string Name => _reader.LocalName;

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
