using UglyToad.PdfPig;

namespace Billing.Documents.Tests.Pdf;

/// <summary>A rendered PDF read back with PdfPig: its pages' text and the fonts its letters use.</summary>
internal sealed class PdfText
{
    private PdfText(byte[] bytes)
    {
        Bytes = bytes;
        using var document = PdfDocument.Open(bytes);
        Pages = [.. document.GetPages().Select(page => page.Text)];
        FontNames = [.. document.GetPages().SelectMany(page => page.Letters).Select(letter => letter.FontName ?? "").Distinct()];
    }

    public byte[] Bytes { get; }

    public IReadOnlyList<string> Pages { get; }

    public string All => string.Join("\n", Pages);

    public IReadOnlyList<string> FontNames { get; }

    public static PdfText Read(byte[] pdf) => new(pdf);
}
