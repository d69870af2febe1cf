using PdfSharp.Drawing;

namespace Billing.Documents.Pdf;

/// <summary>
/// A table that flows over pages: each row is kept whole, and a row that would cross the bottom margin
/// moves to a new page, which repeats the header.
/// </summary>
internal sealed class PdfTable(PdfPageFlow flow, PdfFonts fonts, IReadOnlyList<PdfColumn> columns)
{
    private const double Padding = 2.5;

    public void DrawHeader()
    {
        flow.EnsureSpace((fonts.LineHeight * 3) + (Padding * 2));
        WriteHeader();
    }

    public void DrawRow(IReadOnlyList<string> cells, XFont? font = null)
    {
        font ??= fonts.Body;
        var wrapped = new IReadOnlyList<string>[columns.Count];
        var lineCount = 1;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var text = i < cells.Count ? cells[i] : "";
            wrapped[i] = column.AlignRight ? [text] : flow.Wrap(text, font, column.Width - Padding);
            lineCount = Math.Max(lineCount, wrapped[i].Count);
        }

        var height = (lineCount * fonts.LineHeight) + (Padding * 2);
        if (flow.EnsureSpace(height))
        {
            WriteHeader();
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            for (var line = 0; line < wrapped[i].Count; line++)
            {
                flow.Text(wrapped[i][line], font, column.X, flow.Y + Padding + (line * fonts.LineHeight), column.Width, column.AlignRight);
            }
        }

        flow.Y += height;
        flow.Rule(flow.Y, 0.25);
    }

    private void WriteHeader()
    {
        foreach (var column in columns)
        {
            flow.Text(column.Header, fonts.Bold, column.X, flow.Y + Padding, column.Width, column.AlignRight);
        }

        flow.Y += fonts.LineHeight + (Padding * 2);
        flow.Rule(flow.Y, 0.75);
    }
}
