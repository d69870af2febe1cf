namespace Billing.Core.Reporting;

/// <summary>
/// AR aging: what is open per currency by days past due, the largest debtors, and the change per bucket since the
/// previous aging snapshot (the latest one before this date). The total is the sum of what is open of every issued
/// invoice on the as-of date (see <see cref="InvoiceFigures"/>).
/// </summary>
internal static class AgingReport
{
    private const string BucketsTitle = "Receivables by days past due";

    public static ReportContent Build(DateOnly asOf, InvoiceFigures invoices, ReportOptions options, ReportContent? previous)
    {
        var currencies = invoices.Aging.Keys.Select(k => k.Currency)
            .Concat(previous?.Sections.Where(s => s.Title == BucketsTitle).Select(s => s.Currency!) ?? [])
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var summary = new List<KeyFigure>();
        var sections = new List<ReportSection>();
        foreach (var currency in currencies)
        {
            var amounts = AgingBuckets.All.Select(b => invoices.Aging.GetValueOrDefault((currency, b))).ToList();
            var before = PreviousBuckets(previous, currency);
            var total = amounts.Sum();
            summary.Add(new($"open.{currency}", $"Open receivables {currency}", Amounts.Format(total, currency), currency));
            summary.Add(new($"overdue.{currency}", $"Overdue {currency}", Amounts.Format(total - amounts[0], currency), currency));
            if (before is not null)
            {
                summary.Add(new($"change.{currency}", $"Change since {Amounts.Date(previous!.AsOf)} {currency}", Amounts.Format(total - before.Sum(), currency), currency));
            }

            sections.Add(Buckets(currency, invoices, amounts, before));
            sections.Add(Debtors(currency, invoices, options));
        }

        return new ReportContent
        {
            Report = ReportNames.Aging,
            AsOf = asOf,
            Title = $"Accounts receivable aging as of {Amounts.Date(asOf)}",
            Summary = summary,
            Sections = sections,
            Notes =
            [
                "Open amount of an invoice = gross total − payments dated on or before the as-of date; drafts and void invoices are not receivables.",
                "Days past due = as-of date − due date; on the due date an invoice is current.",
                "Uncollectible invoices leave receivables on their due date (invoices record no write-off date yet).",
                previous is null ? "No earlier aging snapshot to compare with." : $"Change compares with the aging snapshot of {Amounts.Date(previous.AsOf)}.",
            ],
        };
    }

    private static ReportSection Buckets(string currency, InvoiceFigures invoices, IReadOnlyList<decimal> amounts, IReadOnlyList<decimal>? before)
    {
        var total = amounts.Sum();
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < AgingBuckets.All.Count; i++)
        {
            var bucket = AgingBuckets.All[i];
            rows.Add(
            [
                AgingBuckets.Label(bucket), Amounts.Count(invoices.AgingCount.GetValueOrDefault((currency, bucket))), Amounts.Format(amounts[i], currency),
                Amounts.Percent(amounts[i], total), before is null ? "" : Amounts.Format(before[i], currency), before is null ? "" : Amounts.Format(amounts[i] - before[i], currency),
            ]);
        }

        rows.Add(
        [
            "Total", Amounts.Count(AgingBuckets.All.Sum(b => invoices.AgingCount.GetValueOrDefault((currency, b)))), Amounts.Format(total, currency),
            total == 0m ? "" : "100.0", before is null ? "" : Amounts.Format(before.Sum(), currency), before is null ? "" : Amounts.Format(total - before.Sum(), currency),
        ]);
        return new ReportSection
        {
            Title = BucketsTitle,
            Currency = currency,
            Chart = new ReportChart(ChartKind.Bars, AgingBuckets.All.Select(AgingBuckets.Label).ToList(), [new ChartSeries("Open", amounts)]),
            Table = new ReportTable(
                [new("Days past due", FigureKind.Text), new("Invoices", FigureKind.Count), new("Open", FigureKind.Amount), new("Share %", FigureKind.Percent),
                 new("Previous", FigureKind.Amount), new("Change", FigureKind.Amount)],
                rows),
        };
    }

    private static ReportSection Debtors(string currency, InvoiceFigures invoices, ReportOptions options)
    {
        var top = new BoundedTop<Debtor>(options.TopCount, Debtor.ByOpen);
        foreach (var debtor in invoices.Debtors.Values)
        {
            if (debtor.Currency == currency)
            {
                top.Offer(debtor);
            }
        }

        var rows = top.Descending()
            .Select(d => (IReadOnlyList<string>)[d.Name, d.AccountId, Amounts.Count(d.Invoices), d.OldestDue is { } due ? Amounts.Date(due) : "", Amounts.Format(d.Open, currency)])
            .ToList();
        return new ReportSection
        {
            Title = "Largest debtors",
            Currency = currency,
            Table = new ReportTable(
                [new("Customer", FigureKind.Text), new("Account", FigureKind.Text), new("Open invoices", FigureKind.Count), new("Oldest due", FigureKind.Date), new("Open", FigureKind.Amount)],
                rows),
        };
    }

    /// <summary>The bucket amounts of <paramref name="currency"/> in an earlier aging snapshot; null when it has none.</summary>
    private static decimal[]? PreviousBuckets(ReportContent? previous, string currency)
    {
        var section = previous?.Sections.FirstOrDefault(s => s.Title == BucketsTitle && s.Currency == currency);
        if (previous is null)
        {
            return null;
        }

        if (section is null)
        {
            return new decimal[AgingBuckets.All.Count];
        }

        return AgingBuckets.All
            .Select(b => section.Table.Rows.FirstOrDefault(r => r[0] == AgingBuckets.Label(b)) is { } row
                ? decimal.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture)
                : 0m)
            .ToArray();
    }
}
