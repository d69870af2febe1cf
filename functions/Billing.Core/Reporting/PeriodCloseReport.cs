namespace Billing.Core.Reporting;

/// <summary>
/// The billing report of a closed month, quarter or year, per currency: AR at open, invoiced, credited, applied,
/// written off and AR at close (a roll-forward that adds up exactly, see <see cref="PeriodFigures"/>), the cash
/// received, and invoiced and credited by plan.
/// </summary>
internal static class PeriodCloseReport
{
    public static ReportContent Build(ReportPeriod period, PeriodFigures figures, PaymentFigures payments)
    {
        var currencies = figures.OpeningAr.Keys.Concat(figures.ClosingAr.Keys).Concat(figures.Invoiced.Keys).Concat(figures.Credited.Keys)
            .Concat(payments.CashInPeriod.Keys.Where(k => k.Period == period).Select(k => k.Currency))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var summary = new List<KeyFigure>();
        var sections = new List<ReportSection>();
        foreach (var currency in currencies)
        {
            var opening = figures.OpeningAr.GetValueOrDefault(currency);
            var invoiced = figures.Invoiced.GetValueOrDefault(currency);
            var credited = figures.Credited.GetValueOrDefault(currency);
            var applied = figures.Applied.GetValueOrDefault(currency);
            var writtenOff = figures.WrittenOff.GetValueOrDefault(currency);
            var closing = figures.ClosingAr.GetValueOrDefault(currency);
            var cash = payments.CashInPeriod.GetValueOrDefault((period, currency));
            summary.Add(new($"invoiced.{currency}", $"Invoiced {currency}", Amounts.Format(invoiced, currency), currency));
            summary.Add(new($"credited.{currency}", $"Credited {currency}", Amounts.Format(credited, currency), currency));
            summary.Add(new($"collected.{currency}", $"Cash received {currency}", Amounts.Format(cash, currency), currency));
            summary.Add(new($"arClose.{currency}", $"AR at close {currency}", Amounts.Format(closing, currency), currency));
            IReadOnlyList<IReadOnlyList<string>> rows =
            [
                [$"AR at open ({Amounts.Date(period.Start.AddDays(-1))})", "", Amounts.Format(opening, currency)],
                ["+ Invoiced", Amounts.Count(figures.InvoiceCount.GetValueOrDefault(currency)), Amounts.Format(invoiced, currency)],
                ["+ Credited (credit notes)", Amounts.Count(figures.CreditNoteCount.GetValueOrDefault(currency)), Amounts.Format(credited, currency)],
                ["− Applied to invoices", "", Amounts.Format(-applied, currency)],
                ["− Written off", "", Amounts.Format(-writtenOff, currency)],
                [$"= AR at close ({Amounts.Date(period.End)})", "", Amounts.Format(closing, currency)],
                ["Cash received (applied + parked)", "", Amounts.Format(cash, currency)],
            ];
            sections.Add(new ReportSection
            {
                Title = $"Receivables roll-forward {period.Label}",
                Currency = currency,
                Chart = new ReportChart(ChartKind.Bars, ["AR at open", "Invoiced", "Credited", "Applied", "Written off", "AR at close"],
                    [new ChartSeries("Amount", [opening, invoiced, credited, -applied, -writtenOff, closing])]),
                Table = new ReportTable([new("", FigureKind.Text), new("Documents", FigureKind.Count), new("Amount", FigureKind.Amount)], rows),
            });
            sections.Add(new ReportSection
            {
                Title = $"Invoiced and credited by plan {period.Label}",
                Currency = currency,
                Table = new ReportTable(
                    [new("Plan", FigureKind.Text), new("Documents", FigureKind.Count), new("Net", FigureKind.Amount), new("VAT", FigureKind.Amount), new("Gross", FigureKind.Amount)],
                    figures.ByPlan.Where(kv => kv.Key.Currency == currency).OrderBy(kv => kv.Key.Plan, StringComparer.Ordinal)
                        .Select(kv => (IReadOnlyList<string>)
                        [
                            kv.Key.Plan, Amounts.Count(kv.Value.Count), Amounts.Format(kv.Value.Net, currency), Amounts.Format(kv.Value.Vat, currency), Amounts.Format(kv.Value.Gross, currency),
                        ]).ToList()),
            });
        }

        var kind = period.Kind switch { PeriodKind.Month => "Monthly", PeriodKind.Quarter => "Quarterly", _ => "Annual" };
        return new ReportContent
        {
            Report = period.ReportName,
            AsOf = period.End,
            Title = $"{kind} billing report {period.Label}",
            Period = period,
            Summary = summary,
            Sections = sections,
            Notes =
            [
                $"Period {Amounts.Date(period.Start)} to {Amounts.Date(period.End)}, both included; invoices by issue date, payments by the date they were applied.",
                "AR at close = AR at open + invoiced + credited − applied − written off; credit notes are negative.",
                "Uncollectible invoices are written off on their due date (invoices record no write-off date yet).",
                "Cash received counts payments booked in the period, applied or parked.",
            ],
        };
    }
}
