using Billing.Core.Matching;
using Billing.Core.Payments;

namespace Billing.Core.Reporting;

/// <summary>
/// Cash collected per currency by booking month (applied + parked), days sales outstanding, and how ingested payments
/// were matched.
/// <para>
/// DSO = AR at the as-of date ÷ gross billed in the last <see cref="ReportOptions.DsoWindowDays"/> days (the as-of
/// date included) × <see cref="ReportOptions.DsoWindowDays"/>; with the default 90: AR / billed revenue over the last
/// 90 days × 90. Blank when nothing was billed in the window.
/// </para>
/// <para>Auto-match rate = payments matched by a rule other than <see cref="MatchRule.Manual"/> ÷ every payment booked in the window.</para>
/// </summary>
internal static class CashReport
{
    public static ReportContent Build(DateOnly asOf, InvoiceFigures invoices, PaymentFigures payments, ReportOptions options)
    {
        var months = Amounts.TrailingMonths(asOf, options.TrendMonths);
        var currencies = payments.CashByMonth.Keys.Select(k => k.Currency)
            .Concat(invoices.Aging.Keys.Select(k => k.Currency)).Concat(invoices.BilledInDsoWindow.Keys)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var summary = new List<KeyFigure>();
        var sections = new List<ReportSection>();
        foreach (var currency in currencies)
        {
            var applied = months.Select(m => payments.CashByMonth.GetValueOrDefault((currency, m, PaymentStatus.Applied))).ToList();
            var parked = months.Select(m => payments.CashByMonth.GetValueOrDefault((currency, m, PaymentStatus.Parked))).ToList();
            var total = applied.Zip(parked, (a, p) => a + p).ToList();
            var rows = months.Select((m, i) => (IReadOnlyList<string>)
            [
                Amounts.Month(m), Amounts.Count(payments.CountByMonth.GetValueOrDefault((currency, m))),
                Amounts.Format(applied[i], currency), Amounts.Format(parked[i], currency), Amounts.Format(total[i], currency),
            ]).ToList();
            var ar = AgingBuckets.All.Sum(b => invoices.Aging.GetValueOrDefault((currency, b)));
            var billed = invoices.BilledInDsoWindow.GetValueOrDefault(currency);
            var dso = billed > 0m ? Amounts.Days(ar / billed * options.DsoWindowDays) : "";
            summary.Add(new($"cash.month.{currency}", $"Collected {Amounts.Month(asOf)} to date {currency}", Amounts.Format(total[^1], currency), currency));
            summary.Add(new($"dso.{currency}", $"DSO {currency} (days)", dso, null, FigureKind.Days));
            sections.Add(new ReportSection
            {
                Title = "Cash collected by month",
                Currency = currency,
                Chart = new ReportChart(ChartKind.Lines, months.Select(Amounts.Month).ToList(), [new ChartSeries("Collected", total), new ChartSeries("Parked", parked)]),
                Table = new ReportTable(
                    [new("Month", FigureKind.Text), new("Payments", FigureKind.Count), new("Applied", FigureKind.Amount), new("Parked", FigureKind.Amount), new("Collected", FigureKind.Amount)],
                    rows),
            });
            sections.Add(new ReportSection
            {
                Title = "Days sales outstanding",
                Currency = currency,
                Table = new ReportTable(
                    [new("AR at as-of date", FigureKind.Amount), new($"Billed, last {options.DsoWindowDays} days", FigureKind.Amount), new("DSO (days)", FigureKind.Days)],
                    [[Amounts.Format(ar, currency), Amounts.Format(billed, currency), dso]]),
            });
        }

        var matching = Matching(payments);
        summary.Add(new("autoMatchRate", "Auto-match rate %", matching.Rate, null, FigureKind.Percent));
        sections.Add(matching.Section);
        return new ReportContent
        {
            Report = ReportNames.Cash,
            AsOf = asOf,
            Title = $"Cash collected as of {Amounts.Date(asOf)}",
            Summary = summary,
            Sections = sections,
            Notes =
            [
                "Collected = payments applied + payments parked (the money arrived either way), by booking date; returned and refunded payments are not cash.",
                $"DSO = AR at the as-of date ÷ gross billed in the last {options.DsoWindowDays} days × {options.DsoWindowDays}.",
                $"Auto-match rate = payments matched by a rule (not by a person) ÷ all payments booked in the {months.Count} months.",
                "Payment statuses are as they stand now: the store keeps no history of them.",
            ],
        };
    }

    private static (string Rate, ReportSection Section) Matching(PaymentFigures payments)
    {
        var all = payments.ByRule.Values.Sum();
        var rules = Enum.GetValues<MatchRule>().Select(r => (Name: r.ToString(), Label: RuleLabel(r))).Append((Name: "", Label: "Not matched")).ToList();
        var counts = rules.Select(r => (decimal)payments.ByRule.GetValueOrDefault(r.Name)).ToList();
        var automatic = rules.Select((r, i) => r.Name is "" || r.Name == nameof(MatchRule.Manual) ? 0m : counts[i]).Sum();
        var rows = rules.Select((r, i) => (IReadOnlyList<string>)[r.Label, Amounts.Count((long)counts[i]), Amounts.Percent(counts[i], all)]).ToList();
        rows.Add(["All payments", Amounts.Count(all), all == 0 ? "" : "100.0"]);
        var section = new ReportSection
        {
            Title = "Payments by match rule",
            Chart = new ReportChart(ChartKind.Bars, rules.Select(r => r.Label).ToList(), [new ChartSeries("Payments", counts)]),
            Table = new ReportTable([new("Rule", FigureKind.Text), new("Payments", FigureKind.Count), new("Share %", FigureKind.Percent)], rows),
        };
        return (Amounts.Percent(automatic, all), section);
    }

    private static string RuleLabel(MatchRule rule) => rule switch
    {
        MatchRule.CreditorReference => "RF creditor reference",
        MatchRule.InvoiceNumber => "Invoice number in text",
        MatchRule.EndToEndId => "End-to-end id",
        MatchRule.PayerIbanAndAmount => "Payer IBAN and amount",
        _ => "Manual decision",
    };
}
