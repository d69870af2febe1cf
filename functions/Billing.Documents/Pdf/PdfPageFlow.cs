using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Billing.Documents.Pdf;

/// <summary>
/// A vertical cursor over A4 pages: content is drawn at <see cref="Y"/> and moves it down; when a block does
/// not fit above the bottom margin, <see cref="EnsureSpace"/> starts a new page and reports it so callers can
/// repeat a table header. Coordinates are points from the top-left corner.
/// </summary>
internal sealed class PdfPageFlow : IDisposable
{
    public const double Left = 50;
    public const double Right = 545;
    public const double Top = 50;
    public const double Bottom = 780;

    private static readonly XStringFormat s_topLeft = XStringFormats.TopLeft;
    private static readonly XStringFormat s_topRight = XStringFormats.TopRight;

    private readonly PdfDocument _document;
    private XGraphics? _graphics;

    public PdfPageFlow(PdfDocument document)
    {
        _document = document;
        StartPage();
    }

    public double Y { get; set; }

    private XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(PdfPageFlow));

    /// <summary>Makes room for a block of <paramref name="height"/>; returns true when that took a new page.</summary>
    public bool EnsureSpace(double height)
    {
        if (Y + height <= Bottom)
        {
            return false;
        }

        StartPage();
        return true;
    }

    public void Text(string text, XFont font, double x, double y, double width, bool alignRight = false)
    {
        if (text.Length == 0)
        {
            return;
        }

        var box = new XRect(x, y, width, font.Size * 1.3);
        Graphics.DrawString(text, font, XBrushes.Black, box, alignRight ? s_topRight : s_topLeft);
    }

    public void Rule(double y, double thickness = 0.5) =>
        Graphics.DrawLine(new XPen(XColors.Gray, thickness), Left, y, Right, y);

    public double Width(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>, at spaces where possible.</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        if (Width(text, font) <= width)
        {
            return [text];
        }

        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Width(candidate, font) <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = BreakLongWord(word, font, width, lines);
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }

    /// <summary>Emits the full-width pieces of a word too wide for one line and returns the rest.</summary>
    private string BreakLongWord(string word, XFont font, double width, List<string> lines)
    {
        var rest = word;
        while (rest.Length > 1 && Width(rest, font) > width)
        {
            var take = rest.Length - 1;
            while (take > 1 && Width(rest[..take], font) > width)
            {
                take--;
            }

            lines.Add(rest[..take]);
            rest = rest[take..];
        }

        return rest;
    }

    private void StartPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
    }
}
