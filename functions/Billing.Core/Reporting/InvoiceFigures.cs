using Billing.Core.Invoicing;

namespace Billing.Core.Reporting;

/// <summary>
/// Everything the reports need from invoices, gathered in one streamed pass: each invoice is added, folded into
/// per-currency accumulators and forgotten, so memory grows with currencies, months, plans and debtors, never with
/// the number of invoices.
/// <para>
/// An invoice counts once it is issued (not a draft, not void) on or before the as-of date. What is open of it at a
/// date is its gross total less the payments dated on or before that date, so a snapshot of a past date does not
/// move when later payments arrive. An uncollectible invoice carries no write-off date yet, so it is taken as
/// written off on its due date: open until the day before, out of receivables from then on.
/// </para>
/// </summary>
internal sealed class InvoiceFigures(DateOnly asOf, ReportOptions options, IReadOnlyList<ReportPeriod> periods)
{
    private readonly DateOnly _trendStart = Amounts.TrailingMonths(asOf, options.TrendMonths)[0];
    private readonly DateOnly _dsoStart = asOf.AddDays(1 - options.DsoWindowDays);

    public Dictionary<(string Currency, AgingBucket Bucket), decimal> Aging { get; } = [];

    public Dictionary<(string Currency, AgingBucket Bucket), long> AgingCount { get; } = [];

    /// <summary>Open amount per account and currency, with the buyer's name and the oldest open due date.</summary>
    public Dictionary<(string AccountId, string Currency), Debtor> Debtors { get; } = [];

    public Dictionary<string, decimal> BilledInDsoWindow { get; } = [];

    public Dictionary<(string Currency, DateOnly Month, bool CreditNote), Totals> RevenueByMonth { get; } = [];

    public Dictionary<(string Currency, DateOnly Month, string Plan), Totals> RevenueByPlan { get; } = [];

    public Dictionary<ReportPeriod, PeriodFigures> Periods { get; } = periods.ToDictionary(p => p, _ => new PeriodFigures());

    public void Add(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Void || invoice.IssueDate > asOf)
        {
            return;
        }

        var currency = invoice.Currency.Code;
        AddReceivable(invoice, currency);
        if (invoice.IssueDate >= _dsoStart)
        {
            BilledInDsoWindow.AddTo(currency, invoice.GrossTotal.Amount);
        }

        var byPlan = invoice.IssueDate >= _trendStart || Periods.Keys.Any(p => p.Contains(invoice.IssueDate)) ? PlanSplit.Of(invoice) : [];
        if (invoice.IssueDate >= _trendStart)
        {
            var month = new DateOnly(invoice.IssueDate.Year, invoice.IssueDate.Month, 1);
            Totals.AddTo(RevenueByMonth, (currency, month, invoice.IsCreditNote), invoice.NetTotal.Amount, invoice.VatTotal.Amount);
            foreach (var (plan, net, vat) in byPlan)
            {
                Totals.AddTo(RevenueByPlan, (currency, month, plan), net, vat);
            }
        }

        foreach (var (period, figures) in Periods)
        {
            figures.Add(invoice, currency, period, byPlan);
        }
    }

    /// <summary>What is open of <paramref name="invoice"/> at the end of <paramref name="date"/>.</summary>
    public static decimal OpenAt(Invoice invoice, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.IssueDate > date || (WrittenOffOn(invoice) is { } writtenOff && date >= writtenOff))
        {
            return 0m;
        }

        var open = invoice.GrossTotal.Amount;
        foreach (var payment in invoice.Payments)
        {
            if (payment.Date <= date)
            {
                open -= payment.Amount.Amount;
            }
        }

        return open;
    }

    /// <summary>The day an invoice left receivables as uncollectible (its due date, until invoices record one).</summary>
    public static DateOnly? WrittenOffOn(Invoice invoice) =>
        invoice.Status == InvoiceStatus.Uncollectible ? invoice.DueDate : null;

    private void AddReceivable(Invoice invoice, string currency)
    {
        var open = OpenAt(invoice, asOf);
        if (open == 0m)
        {
            return;
        }

        var bucket = AgingBuckets.Of(asOf.DayNumber - invoice.DueDate.DayNumber);
        Aging.AddTo((currency, bucket), open);
        AgingCount.AddTo((currency, bucket), 1);
        var key = (invoice.AccountId, currency);
        var debtor = Debtors.GetValueOrDefault(key) ?? new Debtor(invoice.AccountId, invoice.Buyer.LegalName, currency);
        debtor.Open += open;
        debtor.Invoices++;
        if (debtor.OldestDue is null || invoice.DueDate < debtor.OldestDue)
        {
            debtor.OldestDue = invoice.DueDate;
        }

        Debtors[key] = debtor;
    }
}

/// <summary>Net and VAT (gross is their sum) and how many documents made them.</summary>
internal sealed class Totals
{
    public decimal Net { get; private set; }

    public decimal Vat { get; private set; }

    public decimal Gross => Net + Vat;

    public long Count { get; private set; }

    public static void AddTo<TKey>(Dictionary<TKey, Totals> totals, TKey key, decimal net, decimal vat) where TKey : notnull
    {
        if (!totals.TryGetValue(key, out var total))
        {
            total = new Totals();
            totals[key] = total;
        }

        total.Net += net;
        total.Vat += vat;
        total.Count++;
    }
}

/// <summary>One account's open amount in one currency.</summary>
internal sealed class Debtor(string accountId, string name, string currency)
{
    public string AccountId { get; } = accountId;

    public string Name { get; } = name;

    public string Currency { get; } = currency;

    public decimal Open { get; set; }

    public int Invoices { get; set; }

    public DateOnly? OldestDue { get; set; }

    /// <summary>Larger open amount first; the account id breaks ties so the order is total.</summary>
    public static IComparer<Debtor> ByOpen { get; } = Comparer<Debtor>.Create((a, b) =>
    {
        var byAmount = a.Open.CompareTo(b.Open);
        return byAmount != 0 ? byAmount : string.CompareOrdinal(b.AccountId, a.AccountId);
    });
}
