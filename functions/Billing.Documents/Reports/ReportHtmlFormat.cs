using System.Globalization;
using System.Net;
using System.Text;
using Billing.Core.Reporting;

namespace Billing.Documents.Reports;

/// <summary>
/// A snapshot as one self-contained HTML page: inline CSS and inline SVG charts, no script and nothing loaded from
/// elsewhere (a Content-Security-Policy says so to the browser), so it opens straight from a blob URL or a file and
/// prints cleanly. Every text from the data (customer names!) is HTML-encoded; amounts are shown in their currency.
/// </summary>
public sealed class ReportHtmlFormat : IReportIndexFormat
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public string Extension => "html";

    public string ContentType => "text/html; charset=utf-8";

    public void Write(ReportSnapshot snapshot, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var content = snapshot.Content;
        var html = new StringBuilder();
        Open(html, content.Title);
        html.Append(CultureInfo.InvariantCulture, $"<header><h1>{E(content.Title)}</h1><p class=\"meta\">Snapshot {E(snapshot.Id)} · version {snapshot.Version} · as of {content.AsOf:yyyy-MM-dd}");
        if (content.Period is { } period)
        {
            html.Append(CultureInfo.InvariantCulture, $" · period {period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}");
        }

        html.Append(CultureInfo.InvariantCulture, $" · <a href=\"index.html\">all reports</a></p></header>");
        Cards(html, content.Summary);
        foreach (var section in content.Sections)
        {
            Section(html, section);
        }

        if (content.Notes.Count > 0)
        {
            html.Append("<footer class=\"notes\"><h2>How these figures are made</h2><ul>");
            foreach (var note in content.Notes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(note)}</li>");
            }

            html.Append("</ul>");
            html.Append(CultureInfo.InvariantCulture, $"<p>Content hash {E(snapshot.ContentHash)}</p></footer>");
        }

        Close(html, destination);
    }

    /// <summary>
    /// The index of a publication. Period-close reports (month, quarter, year), when the publication has any, come first
    /// under their own heading, since they are what a manager opens first at month end; the daily snapshots follow.
    /// </summary>
    public void WriteIndex(ReportIndex index, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(index);
        var html = new StringBuilder();
        var title = $"Billing reports as of {index.AsOf:yyyy-MM-dd}";
        var closes = index.Entries.Where(e => IsPeriodClose(e.Report)).ToList();
        var daily = index.Entries.Where(e => !IsPeriodClose(e.Report)).ToList();
        Open(html, title);
        html.Append(CultureInfo.InvariantCulture, $"<header><h1>{E(title)}</h1><p class=\"meta\">{index.Entries.Count} snapshots. Each opens as a page (HTML) or as data (CSV, JSON).</p></header>");
        if (closes.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"period-close\"><h2>Period close</h2><p class=\"meta\">{closes.Count} closed {(closes.Count == 1 ? "period" : "periods")}: {E(string.Join(", ", closes.Select(c => c.Title)))}.</p>");
            Entries(html, closes);
            html.Append("</section><h2>Daily snapshots</h2>");
        }

        Entries(html, daily);
        Close(html, destination);
    }

    private static bool IsPeriodClose(string report) =>
        report is ReportNames.MonthClose or ReportNames.QuarterClose or ReportNames.YearClose;

    private static void Entries(StringBuilder html, IReadOnlyList<ReportIndexEntry> entries)
    {
        html.Append("<ul class=\"reports\">");
        foreach (var entry in entries)
        {
            var page = entry.Files.GetValueOrDefault("html");
            html.Append("<li><h2>");
            html.Append(page is null ? E(entry.Title) : $"<a href=\"{E(page)}\">{E(entry.Title)}</a>");
            if (entry.Version > 1)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge\">version {entry.Version}</span>");
            }

            html.Append("</h2>");
            Cards(html, entry.Summary);
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(entry.SnapshotId)} · ");
            html.Append(string.Join(" · ", entry.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"<a href=\"{E(f.Value)}\">{E(f.Key.ToUpperInvariant())}</a>")));
            html.Append("</p></li>");
        }

        html.Append("</ul>");
    }

    private static void Open(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><style>{ReportPageStyle.Css}</style></head><body>");
    }

    private static void Close(StringBuilder html, Stream destination)
    {
        html.Append("</body></html>\n");
        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        writer.Write(html.ToString());
    }

    private static void Cards(StringBuilder html, IReadOnlyList<KeyFigure> figures)
    {
        if (figures.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"cards\">");
        foreach (var figure in figures)
        {
            var value = figure.Value.Length == 0 ? "n/a" : Format(figure.Value, figure.Kind, figure.Currency);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"label\">{E(figure.Label)}</div><div class=\"value\">{E(value)}</div></div>");
        }

        html.Append("</div>");
    }

    private static void Section(StringBuilder html, ReportSection section)
    {
        var heading = section.Currency is null ? section.Title : $"{section.Title} — {section.Currency}";
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"block\"><h2>{E(heading)}</h2>");
        if (section.Chart is { } chart)
        {
            html.Append(SvgChart.Render(chart, heading));
        }

        var columns = section.Table.Columns;
        html.Append("<table><thead><tr>");
        foreach (var column in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th{(IsNumeric(column.Kind) ? " class=\"num\"" : "")}>{E(column.Name)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        if (section.Table.Rows.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"empty\" colspan=\"{Math.Max(1, columns.Count)}\">Nothing to show</td></tr>");
        }

        foreach (var row in section.Table.Rows)
        {
            var total = row.Count > 0 && (row[0] == "Total" || row[0].StartsWith("= ", StringComparison.Ordinal) || row[0].StartsWith("All ", StringComparison.Ordinal));
            html.Append(total ? "<tr class=\"total\">" : "<tr>");
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = i < row.Count ? row[i] : "";
                var kind = columns[i].Kind;
                var classes = IsNumeric(kind) ? (cell.StartsWith('-') && kind == FigureKind.Amount ? "num neg" : "num") : "";
                html.Append(classes.Length == 0 ? "<td>" : $"<td class=\"{classes}\">");
                html.Append(E(cell.Length == 0 ? "" : Format(cell, kind, section.Currency)));
                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static bool IsNumeric(FigureKind kind) => kind is FigureKind.Amount or FigureKind.Count or FigureKind.Percent or FigureKind.Days;

    private static string Format(string value, FigureKind kind, string? currency) => kind switch
    {
        FigureKind.Amount when currency is not null => CurrencyDisplay.Amount(value, currency),
        FigureKind.Count => CurrencyDisplay.Number(value),
        FigureKind.Percent => CurrencyDisplay.Number(value, 1) + " %",
        FigureKind.Days => CurrencyDisplay.Number(value, 1),
        _ => value,
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
