using Billing.Core.Invoicing;

namespace Billing.Core.Reporting;

/// <summary>
/// The roll-forward of receivables over one closed period, per currency: AR at open + invoiced − credited (credit
/// notes are negative) − applied − written off = AR at close, exactly, because each is taken from the same
/// invoices by the same dates (see <see cref="InvoiceFigures.OpenAt"/>). Applied is what payments (and credit
/// balance) settled on invoices in the period; the cash received is reported beside it from the payments.
/// </summary>
internal sealed class PeriodFigures
{
    public Dictionary<string, decimal> OpeningAr { get; } = [];

    public Dictionary<string, decimal> ClosingAr { get; } = [];

    public Dictionary<string, decimal> Invoiced { get; } = [];

    public Dictionary<string, decimal> Credited { get; } = [];

    public Dictionary<string, decimal> Applied { get; } = [];

    public Dictionary<string, decimal> WrittenOff { get; } = [];

    public Dictionary<string, long> InvoiceCount { get; } = [];

    public Dictionary<string, long> CreditNoteCount { get; } = [];

    public Dictionary<string, decimal> CashReceived { get; } = [];

    public Dictionary<(string Currency, string Plan), Totals> ByPlan { get; } = [];

    public void Add(Invoice invoice, string currency, ReportPeriod period, IReadOnlyList<(string Plan, decimal Net, decimal Vat)> byPlan)
    {
        var before = period.Start.AddDays(-1);
        var opening = InvoiceFigures.OpenAt(invoice, before);
        var closing = InvoiceFigures.OpenAt(invoice, period.End);
        OpeningAr.AddTo(currency, opening);
        ClosingAr.AddTo(currency, closing);
        if (period.Contains(invoice.IssueDate))
        {
            (invoice.IsCreditNote ? Credited : Invoiced).AddTo(currency, invoice.GrossTotal.Amount);
            (invoice.IsCreditNote ? CreditNoteCount : InvoiceCount).AddTo(currency, 1);
            foreach (var (plan, net, vat) in byPlan)
            {
                Totals.AddTo(ByPlan, (currency, plan), net, vat);
            }
        }

        var writtenOff = InvoiceFigures.WrittenOffOn(invoice);
        if (writtenOff is { } day && period.Contains(day))
        {
            WrittenOff.AddTo(currency, InvoiceFigures.OpenAt(invoice, day.AddDays(-1)));
        }

        // Payments dated before the issue date (credit applied at issue) count in the period the invoice is issued.
        var from = period.Contains(invoice.IssueDate) ? DateOnly.MinValue : period.Start;
        var applied = 0m;
        foreach (var payment in invoice.Payments)
        {
            if (payment.Date >= from && payment.Date <= period.End && (writtenOff is null || payment.Date < writtenOff))
            {
                applied += payment.Amount.Amount;
            }
        }

        if (applied != 0m)
        {
            Applied.AddTo(currency, applied);
        }
    }
}
