using Billing.Core.Invoicing;
using Billing.Core.Payments;
using Billing.Core.Reporting;
using Billing.Testing;
using static Billing.Testing.ReportScenario;

namespace Billing.Core.Tests.Reporting;

public sealed class ReportBuilderTests
{
    [Fact]
    public async Task Aging_Total_EqualsAmountDueOfOpenInvoices()
    {
        using var world = await CreateAsync();
        var invoices = await world.InvoicesAsync();

        var aging = Report(await world.Get<ReportBuilder>().BuildAsync(End), ReportNames.Aging);

        foreach (var currency in new[] { "EUR", "USD" })
        {
            var expected = invoices.Where(i => i.Status == InvoiceStatus.Open && i.Currency.Code == currency).Sum(i => i.AmountDue.Amount);
            Assert.NotEqual(0m, expected);
            Assert.Equal(expected, Figure(aging, $"open.{currency}"));
            var buckets = aging.Sections.Single(s => s.Title.StartsWith("Receivables", StringComparison.Ordinal) && s.Currency == currency);
            Assert.Equal(expected, buckets.Table.Rows.Take(5).Sum(r => Cell(r, 2)));
            Assert.Equal(expected, buckets.Chart!.Series[0].Values.Sum());
        }
    }

    [Fact]
    public async Task Aging_LargestDebtors_AreTheAccountsWithMostOpenInCurrency()
    {
        using var world = await CreateAsync();
        var invoices = await world.InvoicesAsync();

        var aging = Report(await world.Get<ReportBuilder>().BuildAsync(End), ReportNames.Aging);

        var debtors = aging.Sections.Single(s => s.Title == "Largest debtors" && s.Currency == "EUR").Table.Rows;
        var expected = invoices.Where(i => i.Status == InvoiceStatus.Open && i.Currency.Code == "EUR")
            .GroupBy(i => i.AccountId).Select(g => (Account: g.Key, Open: g.Sum(i => i.AmountDue.Amount))).OrderByDescending(d => d.Open).ToList();
        Assert.Equal(expected.Select(d => d.Account), debtors.Select(r => r[1]));
        Assert.Equal(expected.Select(d => d.Open), debtors.Select(r => Cell(r, 4)));
        Assert.Contains(debtors, r => r[0] == HostileName);
    }

    [Fact]
    public async Task Aging_OfAnEarlierDate_CountsAPaymentMadeLaterAsOpen()
    {
        using var world = await CreateAsync();
        var paid = (await world.InvoicesAsync()).Single(i => i.Payments.Any(p => p.PaymentId == "pay-alpha-1"));
        var before = paid.DueDate.AddDays(-1);

        var aging = Report(await world.Get<ReportBuilder>().BuildAsync(before), ReportNames.Aging);

        var expected = (await world.InvoicesAsync())
            .Where(i => i.Currency.Code == "EUR" && i.IssueDate <= before)
            .Sum(i => i.GrossTotal.Amount - i.Payments.Where(p => p.Date <= before).Sum(p => p.Amount.Amount));
        Assert.Equal(expected, Figure(aging, "open.EUR"));
        Assert.True(Figure(aging, "open.EUR") >= paid.GrossTotal.Amount);
    }

    [Fact]
    public async Task Revenue_MonthGross_EqualsInvoicesIssuedInThatMonth()
    {
        using var world = await CreateAsync();
        var invoices = await world.InvoicesAsync();

        var revenue = Report(await world.Get<ReportBuilder>().BuildAsync(End), ReportNames.Revenue);

        var byMonth = revenue.Sections.Single(s => s.Title == "Billed revenue by month" && s.Currency == "EUR").Table.Rows;
        foreach (var month in new[] { 1, 2, 3 })
        {
            var issued = invoices.Where(i => i.Currency.Code == "EUR" && i.IssueDate.Month == month).ToList();
            var row = byMonth.Single(r => r[0] == $"2026-{month:00}");
            Assert.Equal(issued.Sum(i => i.NetTotal.Amount), Cell(row, 3));
            Assert.Equal(issued.Sum(i => i.VatTotal.Amount), Cell(row, 4));
            Assert.Equal(issued.Sum(i => i.GrossTotal.Amount), Cell(row, 5));
            Assert.Equal(issued.Where(i => i.IsCreditNote).Sum(i => i.GrossTotal.Amount), Cell(row, 6));
        }

        Assert.Contains(invoices, i => i.IsCreditNote && i.Currency.Code == "EUR");
        var byPlan = revenue.Sections.Single(s => s.Title == "Billed revenue by plan" && s.Currency == "EUR").Table.Rows;
        Assert.Equal(invoices.Where(i => i.Currency.Code == "EUR").Sum(i => i.GrossTotal.Amount), byPlan.Sum(r => Cell(r, 4)));
    }

    [Fact]
    public async Task Cash_Collected_EqualsAppliedPlusParked()
    {
        using var world = await CreateAsync();

        var cash = Report(await world.Get<ReportBuilder>().BuildAsync(End), ReportNames.Cash);

        var rows = cash.Sections.Single(s => s.Title == "Cash collected by month" && s.Currency == "EUR").Table.Rows;
        var february = rows.Single(r => r[0] == "2026-02");
        var applied = 0m;
        await foreach (var payment in world.Store.QueryAllAsync<Payment>())
        {
            if (payment.Value.Amount.Currency.Code == "EUR" && payment.Value.Status is PaymentStatus.Applied)
            {
                applied += payment.Value.Amount.Amount;
            }
        }

        Assert.Equal(applied + 100m, rows.Sum(r => Cell(r, 4)));
        Assert.Equal(100m, Cell(february, 3));
        Assert.Equal(Cell(february, 2) + Cell(february, 3), Cell(february, 4));
        Assert.Equal(33.3m, Figure(cash, "autoMatchRate"));
    }

    [Fact]
    public async Task Cash_Dso_IsArOverBilledInNinetyDaysTimesNinety()
    {
        using var world = await CreateAsync();
        var invoices = await world.InvoicesAsync();

        var cash = Report(await world.Get<ReportBuilder>().BuildAsync(End), ReportNames.Cash);

        var ar = invoices.Where(i => i.Status == InvoiceStatus.Open && i.Currency.Code == "EUR").Sum(i => i.AmountDue.Amount);
        var billed = invoices.Where(i => i.Currency.Code == "EUR" && i.IssueDate > End.AddDays(-90)).Sum(i => i.GrossTotal.Amount);
        Assert.Equal(Math.Round(ar / billed * 90m, 1, MidpointRounding.AwayFromZero), Figure(cash, "dso.EUR"));
    }

    [Fact]
    public async Task UnappliedCash_ShowsParkedPaymentByAgeAndCreditBalance()
    {
        using var world = await CreateAsync();

        var unapplied = Report(await world.Get<ReportBuilder>().BuildAsync(End), ReportNames.UnappliedCash);

        Assert.Equal(100m, Figure(unapplied, "parked.EUR"));
        Assert.Equal(25m, Figure(unapplied, "credit.EUR"));
        var byAge = unapplied.Sections.Single(s => s.Title == "Parked payments by age" && s.Currency == "EUR").Table.Rows;
        Assert.Equal(100m, Cell(byAge.Single(r => r[0] == "31–60 days"), 2));
    }

    [Fact]
    public async Task PeriodClose_DayAfterQuarterEnd_WritesMonthAndQuarterReportsThatRollForward()
    {
        using var world = await CreateAsync();

        var contents = await world.Get<ReportBuilder>().BuildAsync(End.AddDays(1));

        Assert.Equal([ReportNames.Aging, ReportNames.Revenue, ReportNames.Cash, ReportNames.DunningFunnel, ReportNames.UnappliedCash, ReportNames.MonthClose, ReportNames.QuarterClose],
            contents.Select(c => c.Report));
        var quarter = Report(contents, ReportNames.QuarterClose);
        Assert.Equal(End, quarter.AsOf);
        foreach (var section in quarter.Sections.Where(s => s.Title.StartsWith("Receivables roll-forward", StringComparison.Ordinal)))
        {
            var amounts = section.Table.Rows.Select(r => Cell(r, 2)).ToList();
            Assert.Equal(amounts[5], amounts[0] + amounts[1] + amounts[2] + amounts[3] + amounts[4]);
        }

        var invoices = await world.InvoicesAsync();
        Assert.Equal(invoices.Where(i => i.Currency.Code == "EUR" && !i.IsCreditNote).Sum(i => i.GrossTotal.Amount), Figure(quarter, "invoiced.EUR"));
        Assert.Equal(invoices.Where(i => i.Status == InvoiceStatus.Open && i.Currency.Code == "EUR").Sum(i => i.AmountDue.Amount), Figure(quarter, "arClose.EUR"));
    }

    [Fact]
    public async Task Build_TwiceForTheSameDate_GivesTheSameContentHashes()
    {
        using var world = await CreateAsync();
        var builder = world.Get<ReportBuilder>();

        var first = await builder.BuildAsync(End.AddDays(1));
        world.Clock.Advance(TimeSpan.FromDays(3));
        var second = await builder.BuildAsync(End.AddDays(1));

        Assert.Equal(first.Select(ReportSnapshot.HashOf), second.Select(ReportSnapshot.HashOf));
    }

    [Fact]
    public async Task Build_PeriodNotYetEnded_IsRefused()
    {
        using var world = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            world.Get<ReportBuilder>().BuildAsync(End, [new ReportPeriod(PeriodKind.Month, new(2026, 3, 1), new(2026, 4, 30))]));
    }

    [Fact]
    public async Task DunningFunnel_CountsNoticesPaidAfterEachStageAndRecovered()
    {
        using var world = await CreateAsync();
        var invoices = await world.InvoicesAsync();
        var paid = invoices.Single(i => i.Payments.Any(p => p.PaymentId == "pay-alpha-1"));

        var funnel = Report(await world.Get<ReportBuilder>().BuildAsync(End), ReportNames.DunningFunnel);

        var rows = funnel.Sections.Single(s => s.Title == "Dunning funnel").Table.Rows;
        Assert.Equal(["Stage 1", "2", "1", "0", "100.0"], rows[0]);
        Assert.Equal(["Stage 2", "1", "0", "1", "0.0"], rows[1]);
        Assert.Equal(paid.GrossTotal.Amount, Figure(funnel, "recovered.EUR"));
        Assert.Equal(3m, Figure(funnel, "notices"));
    }
}
