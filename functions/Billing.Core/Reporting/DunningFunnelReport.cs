namespace Billing.Core.Reporting;

/// <summary>
/// The dunning funnel: notices sent per stage, how many dunned invoices were paid after each stage and how many are
/// still open at their last stage, and the amount recovered per currency and stage (see <see cref="DunningFigures"/>).
/// </summary>
internal static class DunningFunnelReport
{
    public static ReportContent Build(DateOnly asOf, DunningFigures dunning)
    {
        var stages = dunning.Sent.Keys.Concat(dunning.PaidAfter.Keys).Concat(dunning.StillOpen.Keys).Distinct().Order().ToList();
        var labels = stages.Select(s => $"Stage {s}").ToList();
        var sent = stages.Select(s => (decimal)dunning.Sent.GetValueOrDefault(s)).ToList();
        var rows = stages.Select((s, i) => (IReadOnlyList<string>)
        [
            labels[i], Amounts.Count(dunning.Sent.GetValueOrDefault(s)), Amounts.Count(dunning.PaidAfter.GetValueOrDefault(s)),
            Amounts.Count(dunning.StillOpen.GetValueOrDefault(s)),
            Amounts.Percent(dunning.PaidAfter.GetValueOrDefault(s), dunning.PaidAfter.GetValueOrDefault(s) + dunning.StillOpen.GetValueOrDefault(s)),
        ]).ToList();
        var paid = dunning.PaidAfter.Values.Sum();
        var open = dunning.StillOpen.Values.Sum();
        var summary = new List<KeyFigure>
        {
            new("notices", "Notices sent", Amounts.Count(dunning.Sent.Values.Sum()), null, FigureKind.Count),
            new("paidAfterDunning", "Dunned invoices paid", Amounts.Count(paid), null, FigureKind.Count),
            new("recoveryRate", "Dunned invoices paid %", Amounts.Percent(paid, paid + open), null, FigureKind.Percent),
        };
        var sections = new List<ReportSection>
        {
            new()
            {
                Title = "Dunning funnel",
                Chart = new ReportChart(ChartKind.Funnel, labels, [new ChartSeries("Notices sent", sent)]),
                Table = new ReportTable(
                    [new("Stage", FigureKind.Text), new("Notices sent", FigureKind.Count), new("Paid after this stage", FigureKind.Count),
                     new("Open after this stage", FigureKind.Count), new("Paid %", FigureKind.Percent)],
                    rows),
            },
        };
        foreach (var currency in dunning.Recovered.Keys.Select(k => k.Currency).Distinct().Order(StringComparer.Ordinal))
        {
            var total = stages.Sum(s => dunning.Recovered.GetValueOrDefault((currency, s)));
            summary.Add(new($"recovered.{currency}", $"Recovered {currency}", Amounts.Format(total, currency), currency));
            var recovered = stages.Select((s, i) => (IReadOnlyList<string>)[labels[i], Amounts.Format(dunning.Recovered.GetValueOrDefault((currency, s)), currency)]).ToList();
            recovered.Add(["Total", Amounts.Format(total, currency)]);
            sections.Add(new ReportSection
            {
                Title = "Recovered after dunning",
                Currency = currency,
                Table = new ReportTable([new("Paid after", FigureKind.Text), new("Recovered", FigureKind.Amount)], recovered),
            });
        }

        return new ReportContent
        {
            Report = ReportNames.DunningFunnel,
            AsOf = asOf,
            Title = $"Dunning funnel as of {Amounts.Date(asOf)}",
            Summary = summary,
            Sections = sections,
            Notes =
            [
                "Notices count once sent, on the day they were sent; claimed, skipped and withdrawn notices are not counted.",
                "Paid after stage n: nothing is open of the invoice on the as-of date and stage n was the highest sent by the day it was settled.",
                "Recovered: payments on dunned invoices at the highest stage sent by the payment's date; payments before the first notice are not counted.",
            ],
        };
    }
}
