
namespace Billing.Core.Reporting;

/// <summary>
/// Cash that is not on any invoice: parked payments per currency by age (as-of date − booking date) with the oldest
/// listed, and account credit balances with the largest listed. Credit balances record no dates, so they have no age.
/// </summary>
internal static class UnappliedCashReport
{
    public static ReportContent Build(DateOnly asOf, PaymentFigures payments, CreditFigures credits)
    {
        var currencies = payments.Parked.Keys.Select(k => k.Currency).Concat(credits.Total.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var summary = new List<KeyFigure>();
        var sections = new List<ReportSection>();
        foreach (var currency in currencies)
        {
            var amounts = Enumerable.Range(0, PaymentFigures.AgeBands.Count).Select(b => payments.Parked.GetValueOrDefault((currency, b))).ToList();
            var counts = Enumerable.Range(0, PaymentFigures.AgeBands.Count).Select(b => payments.ParkedCount.GetValueOrDefault((currency, b))).ToList();
            summary.Add(new($"parked.{currency}", $"Parked payments {currency}", Amounts.Format(amounts.Sum(), currency), currency));
            summary.Add(new($"credit.{currency}", $"Credit balances {currency}", Amounts.Format(credits.Total.GetValueOrDefault(currency), currency), currency));
            var rows = PaymentFigures.AgeBands.Select((band, i) => (IReadOnlyList<string>)[band, Amounts.Count(counts[i]), Amounts.Format(amounts[i], currency)]).ToList();
            rows.Add(["Total", Amounts.Count(counts.Sum()), Amounts.Format(amounts.Sum(), currency)]);
            sections.Add(new ReportSection
            {
                Title = "Parked payments by age",
                Currency = currency,
                Chart = new ReportChart(ChartKind.Bars, PaymentFigures.AgeBands, [new ChartSeries("Parked", amounts)]),
                Table = new ReportTable([new("Age", FigureKind.Text), new("Payments", FigureKind.Count), new("Amount", FigureKind.Amount)], rows),
            });
            var oldest = payments.OldestParked.GetValueOrDefault(currency)?.Descending() ?? [];
            sections.Add(new ReportSection
            {
                Title = "Oldest parked payments",
                Currency = currency,
                Table = new ReportTable(
                    [new("Booked", FigureKind.Date), new("Age (days)", FigureKind.Count), new("Payer", FigureKind.Text), new("Reason", FigureKind.Text), new("Payment", FigureKind.Text), new("Amount", FigureKind.Amount)],
                    oldest.Select(p => (IReadOnlyList<string>)
                    [
                        Amounts.Date(p.BookingDate), Amounts.Count(asOf.DayNumber - p.BookingDate.DayNumber), p.Payer, p.Reason, p.Id, Amounts.Format(p.Amount, currency),
                    ]).ToList()),
            });
            var largest = credits.Largest.GetValueOrDefault(currency)?.Descending() ?? [];
            var creditRows = largest.Select(c => (IReadOnlyList<string>)[c.AccountId, Amounts.Format(c.Balance, currency)]).ToList();
            creditRows.Add([$"All {Amounts.Count(credits.Count.GetValueOrDefault(currency))} accounts with a balance", Amounts.Format(credits.Total.GetValueOrDefault(currency), currency)]);
            sections.Add(new ReportSection
            {
                Title = "Credit balances",
                Currency = currency,
                Table = new ReportTable([new("Account", FigureKind.Text), new("Balance", FigureKind.Amount)], creditRows),
            });
        }

        return new ReportContent
        {
            Report = ReportNames.UnappliedCash,
            AsOf = asOf,
            Title = $"Unapplied cash as of {Amounts.Date(asOf)}",
            Summary = summary,
            Sections = sections,
            Notes =
            [
                "Parked payments booked on or before the as-of date and still parked now; age = as-of date − booking date.",
                "Credit balances as they stand now (overpayments and credit notes not yet used); they carry no dates, so no age.",
            ],
        };
    }
}
