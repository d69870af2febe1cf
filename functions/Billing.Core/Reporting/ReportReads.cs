using Billing.Core.Invoicing;
using Billing.Core.Storage;

namespace Billing.Core.Reporting;

/// <summary>
/// What a report run reads, each an index-backed query, and why nothing else can move a figure. Let <c>since</c> be the
/// earliest date whose open amount a figure needs (the as-of date, or the day before the earliest closing period) and
/// <c>window</c> the earliest date an issue or booking counts (the trend's first month, the DSO window, the periods):
/// <list type="bullet">
/// <item>Invoices: every open one (status index); paid ones whose <see cref="Invoice.PaidDate"/> (their latest payment)
/// is after <c>since</c>: one paid on or before it is settled at every date a figure looks at and no payment of it falls
/// in a period; uncollectible ones due after <c>since</c> (written off on the due date); every one issued from
/// <c>window</c> on. Drafts and void invoices count nowhere. An invoice in two of these is folded once.</item>
/// <item>Payments: those booked from <c>window</c> on, and every parked one (unapplied cash lists parked money of any age).</item>
/// <item>Dunning notices: those sent in the trend window (the funnel covers what dunning did in that window); the
/// invoices they chase that none of the invoice queries returned are read by key.</item>
/// </list>
/// The figures are therefore exactly those of a pass over all history, at a cost that follows the windows.
/// </summary>
internal sealed record ReportReads(DateOnly Since, DateOnly Window, DateOnly TrendStart)
{
    public static ReportReads For(DateOnly asOf, IReadOnlyList<ReportPeriod> periods, ReportOptions options)
    {
        var trendStart = Amounts.TrailingMonths(asOf, options.TrendMonths)[0];
        var dsoStart = asOf.AddDays(1 - options.DsoWindowDays);
        var since = periods.Select(p => p.Start.AddDays(-1)).Append(asOf).Min();
        var window = periods.Select(p => p.Start).Append(trendStart).Append(dsoStart).Min();
        return new ReportReads(since, window, trendStart);
    }

    public IEnumerable<DocumentQuery> Invoices =>
    [
        InvoiceQueries.Open,
        DocumentQuery.Across(DocumentFilter.AtLeast("paidDate", InvoiceQueries.Wire(Since.AddDays(1))))
            .Where(DocumentFilter.Equal("status", InvoiceQueries.Wire(InvoiceStatus.Paid))),
        DocumentQuery.Across(DocumentFilter.AtLeast("dueDate", InvoiceQueries.Wire(Since.AddDays(1))))
            .Where(DocumentFilter.Equal("status", InvoiceQueries.Wire(InvoiceStatus.Uncollectible))),
        DocumentQuery.Across(DocumentFilter.AtLeast("issueDate", InvoiceQueries.Wire(Window))),
    ];

    public IEnumerable<DocumentQuery> Payments =>
    [
        DocumentQuery.Across(DocumentFilter.AtLeast("bookingDate", InvoiceQueries.Wire(Window))),
        DocumentQuery.Across(DocumentFilter.Equal("status", "parked")),
    ];

    /// <summary>Notices sent from the day before the trend window on (a day early for a sending time stored with an offset;
    /// <see cref="DunningFigures"/> applies the exact bound), in the sent state.</summary>
    public DocumentQuery SentNotices =>
        DocumentQuery.Across(DocumentFilter.AtLeast("sentAt", InvoiceQueries.Wire(TrendStart.AddDays(-1))))
            .Where(DocumentFilter.Equal("status", "sent"));
}
