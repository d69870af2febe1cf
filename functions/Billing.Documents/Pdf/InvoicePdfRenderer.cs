using Billing.Core.Invoicing;
using Billing.Documents.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Billing.Documents.Pdf;

/// <summary>
/// Renders an invoice (or credit note) as an A4 PDF with PDFsharp. Text is set in DejaVu Sans, embedded in
/// the PDF from this assembly's resources (see <see cref="EmbeddedFontResolver"/>), so the output does not
/// depend on host fonts. Long line lists flow onto further pages, each numbered "Page n of m". Every call
/// builds its own document, so concurrent calls are safe.
/// </summary>
public sealed class InvoicePdfRenderer
{
    public InvoicePdfRenderer() => DocumentFonts.Install();

    public void Write(Invoice invoice, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(destination);

        using var document = new PdfDocument();
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        var fonts = PdfFonts.Create();
        string title;
        using (var flow = new PdfPageFlow(document))
        {
            var layout = new InvoicePdfLayout(invoice, flow, fonts);
            layout.Draw();
            title = $"{layout.Title} {invoice.Number}".TrimEnd();
        }

        document.Info.Title = title;
        document.Info.Author = invoice.Seller.LegalName;
        // The issue date, not the clock: rendering the same invoice twice gives the same metadata.
        document.Info.CreationDate = invoice.IssueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        NumberPages(document, title, fonts);
        document.Save(destination, closeStream: false);
    }

    private static void NumberPages(PdfDocument document, string title, PdfFonts fonts)
    {
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var box = new XRect(PdfPageFlow.Left, PdfPageFlow.Bottom + 20, PdfPageFlow.Right - PdfPageFlow.Left, 12);
            graphics.DrawString($"{title} · Page {i + 1} of {count}", fonts.Small, XBrushes.Gray, box, XStringFormats.TopRight);
        }
    }
}
