namespace Billing.Core.Reporting;

/// <summary>
/// Billed revenue per currency by month of issue and by plan, over the trend window: net, VAT and gross of every
/// invoice issued (not a draft, not void), credit notes included as the negative amounts they are. The gross of a
/// month is the sum of the gross totals of the invoices issued in it.
/// </summary>
internal static class RevenueReport
{
    public static ReportContent Build(DateOnly asOf, InvoiceFigures invoices, ReportOptions options)
    {
        var months = Amounts.TrailingMonths(asOf, options.TrendMonths);
        var currencies = invoices.RevenueByMonth.Keys.Select(k => k.Currency).Distinct().Order(StringComparer.Ordinal).ToList();
        var summary = new List<KeyFigure>();
        var sections = new List<ReportSection>();
        foreach (var currency in currencies)
        {
            var rows = new List<IReadOnlyList<string>>();
            var gross = new List<decimal>();
            var net = new List<decimal>();
            foreach (var month in months)
            {
                var issued = invoices.RevenueByMonth.GetValueOrDefault((currency, month, false));
                var credited = invoices.RevenueByMonth.GetValueOrDefault((currency, month, true));
                var monthNet = (issued?.Net ?? 0m) + (credited?.Net ?? 0m);
                var monthVat = (issued?.Vat ?? 0m) + (credited?.Vat ?? 0m);
                gross.Add(monthNet + monthVat);
                net.Add(monthNet);
                rows.Add(
                [
                    Amounts.Month(month), Amounts.Count(issued?.Count ?? 0), Amounts.Count(credited?.Count ?? 0),
                    Amounts.Format(monthNet, currency), Amounts.Format(monthVat, currency), Amounts.Format(monthNet + monthVat, currency),
                    Amounts.Format(credited?.Gross ?? 0m, currency),
                ]);
            }

            summary.Add(new($"gross.month.{currency}", $"Billed {Amounts.Month(asOf)} to date {currency}", Amounts.Format(gross[^1], currency), currency));
            summary.Add(new($"gross.trend.{currency}", $"Billed in {months.Count} months {currency}", Amounts.Format(gross.Sum(), currency), currency));
            sections.Add(new ReportSection
            {
                Title = "Billed revenue by month",
                Currency = currency,
                Chart = new ReportChart(ChartKind.Lines, months.Select(Amounts.Month).ToList(), [new ChartSeries("Gross", gross), new ChartSeries("Net", net)]),
                Table = new ReportTable(
                    [new("Month", FigureKind.Text), new("Invoices", FigureKind.Count), new("Credit notes", FigureKind.Count), new("Net", FigureKind.Amount),
                     new("VAT", FigureKind.Amount), new("Gross", FigureKind.Amount), new("Of which credit notes", FigureKind.Amount)],
                    rows),
            });
            sections.Add(ByPlan(currency, invoices));
        }

        return new ReportContent
        {
            Report = ReportNames.Revenue,
            AsOf = asOf,
            Title = $"Billed revenue as of {Amounts.Date(asOf)}",
            Summary = summary,
            Sections = sections,
            Notes =
            [
                $"Invoices and credit notes issued in the {months.Count} months up to {Amounts.Date(asOf)}, by issue date; drafts and void invoices excluded.",
                "Credit notes count as the negative amounts they are. Amounts are never converted between currencies.",
                "By plan: net is the plan's invoice lines; VAT is line net × rate with the invoice's rounding difference on its largest plan.",
            ],
        };
    }

    private static ReportSection ByPlan(string currency, InvoiceFigures invoices)
    {
        var rows = invoices.RevenueByPlan
            .Where(kv => kv.Key.Currency == currency)
            .OrderBy(kv => kv.Key.Month).ThenBy(kv => kv.Key.Plan, StringComparer.Ordinal)
            .Select(kv => (IReadOnlyList<string>)
            [
                Amounts.Month(kv.Key.Month), kv.Key.Plan, Amounts.Format(kv.Value.Net, currency), Amounts.Format(kv.Value.Vat, currency), Amounts.Format(kv.Value.Gross, currency),
            ])
            .ToList();
        return new ReportSection
        {
            Title = "Billed revenue by plan",
            Currency = currency,
            Table = new ReportTable(
                [new("Month", FigureKind.Text), new("Plan", FigureKind.Text), new("Net", FigureKind.Amount), new("VAT", FigureKind.Amount), new("Gross", FigureKind.Amount)],
                rows),
        };
    }
}
