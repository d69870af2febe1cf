using Billing.Documents.Fonts;
using PdfSharp.Drawing;

namespace Billing.Documents.Pdf;

/// <summary>
/// The faces and sizes one document uses. Created per document: PDFsharp caches the parsed font file per
/// process, so this is cheap, and no <see cref="XFont"/> is shared between documents rendered concurrently.
/// </summary>
internal sealed class PdfFonts
{
    private PdfFonts()
    {
        Body = Font(8.5, XFontStyleEx.Regular);
        Bold = Font(8.5, XFontStyleEx.Bold);
        Small = Font(7, XFontStyleEx.Regular);
        Heading = Font(10.5, XFontStyleEx.Bold);
        Title = Font(20, XFontStyleEx.Bold);
    }

    public XFont Body { get; }

    public XFont Bold { get; }

    public XFont Small { get; }

    public XFont Heading { get; }

    public XFont Title { get; }

    /// <summary>Vertical advance of one line of <see cref="Body"/> text.</summary>
    public double LineHeight => 11.5;

    public static PdfFonts Create() => new();

    // Unicode (Identity-H with a ToUnicode map): any character the font has prints and extracts correctly,
    // and PDFsharp builds this subset faster than the WinAnsi one.
    private static XFont Font(double size, XFontStyleEx style) =>
        new(EmbeddedFontResolver.FamilyName, size, style, XPdfFontOptions.UnicodeDefault);
}
