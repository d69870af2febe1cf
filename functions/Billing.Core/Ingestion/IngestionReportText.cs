using System.Text;

namespace Billing.Core.Ingestion;

/// <summary>The readable summary of an ingestion report, stored beside the file as <c>….report.txt</c>.</summary>
public static class IngestionReportText
{
    public static string Render(BankFileIngestionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine($"Bank file {report.FileName} ({report.Format ?? "unknown format"}){(report.DryRun ? " — DRY RUN, nothing written" : "")}");
        text.AppendLine($"  id (SHA-256): {report.FileId}");
        text.AppendLine($"  outcome:      {report.Outcome} at {report.IngestedAt:yyyy-MM-dd HH:mm:ss}Z");
        if (report.DuplicateOf is { } first)
        {
            text.AppendLine($"  duplicate of: {first.FileName}, ingested {first.IngestedAt:yyyy-MM-dd HH:mm:ss}Z ({first.StoredPath ?? "-"}, report {first.ReportPath ?? "-"})");
        }

        if (report.Error is not null)
        {
            // The parsers' messages start with the position already: name it once.
            var position = report.ErrorPosition is { Length: > 0 } p && !report.Error.StartsWith(p, StringComparison.Ordinal) ? $"{p}: " : "";
            text.AppendLine($"  error: {position}{report.Error}");
        }

        text.AppendLine($"  statements: {report.Statements}, entries: {report.Entries}");
        Table(text, "By outcome", report.ByOutcome);
        Table(text, "By matching rule", report.ByRule);
        if (report.Warnings.Count > 0)
        {
            text.AppendLine("Warnings:");
            foreach (var warning in report.Warnings)
            {
                text.AppendLine($"  - {warning}");
            }
        }

        var parked = report.Payments.Where(p => p.Outcome is EntryOutcome.Parked or EntryOutcome.ReturnParked).ToList();
        if (parked.Count > 0)
        {
            text.AppendLine("Parked for review:");
            foreach (var p in parked)
            {
                text.AppendLine($"  {p.PaymentId}  {p.Amount} {p.Currency}  {p.BookingDate:yyyy-MM-dd}  {p.Reason}");
            }
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, IReadOnlyList<OutcomeTotal> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine($"{title}:");
        foreach (var row in rows)
        {
            text.AppendLine($"  {row.Name,-20} {row.Count,7}  {row.Amount,16} {row.Currency}");
        }
    }
}
