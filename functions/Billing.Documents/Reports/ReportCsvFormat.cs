using System.Text;
using Billing.Core.Reporting;

namespace Billing.Documents.Reports;

/// <summary>
/// A snapshot as CSV (RFC 4180, UTF-8 with BOM so spreadsheets read accents, CRLF): a heading block (report, as of,
/// snapshot id), then each section as a block whose first two fields are the section and its currency, a header line,
/// then its rows. Every line has the same number of fields. Amounts are plain invariant decimals (no symbol), so they
/// stay numbers.
/// </summary>
public sealed class ReportCsvFormat : IReportFormat
{
    public string Extension => "csv";

    public string ContentType => "text/csv; charset=utf-8";

    public void Write(ReportSnapshot snapshot, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(destination);
        var content = snapshot.Content;
        var width = Math.Max(4, 2 + content.Sections.Select(s => s.Table.Columns.Count).DefaultIfEmpty(0).Max());
        var csv = new StringBuilder();
        CsvCell.WriteRow(csv, ["Report", content.Title], width);
        CsvCell.WriteRow(csv, ["As of", content.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], width);
        CsvCell.WriteRow(csv, ["Snapshot", snapshot.Id, "Version", snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)], width);
        CsvCell.WriteRow(csv, ["Key figure", "Currency", "Value"], width);
        foreach (var figure in content.Summary)
        {
            CsvCell.WriteRow(csv, [figure.Label, figure.Currency ?? "", figure.Value], width);
        }

        foreach (var section in content.Sections)
        {
            CsvCell.WriteRow(csv, [], width);
            CsvCell.WriteRow(csv, ["Section", "Currency", .. section.Table.Columns.Select(c => c.Name)], width);
            foreach (var row in section.Table.Rows)
            {
                CsvCell.WriteRow(csv, [section.Title, section.Currency ?? "", .. row], width);
            }
        }

        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.Write(csv.ToString());
    }
}
