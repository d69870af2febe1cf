using Billing.Core.Dunning;
using Billing.Core.Invoicing;
using Billing.Core.Payments;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Reporting;

/// <summary>
/// Computes the report contents as of a date. It reads only the documents that can move a figure (<see cref="ReportReads"/>:
/// what is open, what was settled or written off after the earliest date a figure looks at, what was issued, booked or
/// dunned in the windows the reports cover) and folds each into per-currency accumulators as it passes, so neither the
/// reads nor memory grow with older history (memory holds the keys read, currencies, months, plans and, for the largest
/// debtors, accounts with something open). Credit balances are one document per account and read whole. The result
/// depends only on the stored documents and the date: no clock is read.
/// </summary>
public sealed partial class ReportBuilder(IDocumentStore store, IOptions<ReportOptions> options, ILogger<ReportBuilder> logger)
{
    /// <summary>The daily snapshots as of <paramref name="asOf"/>, and the close reports of the periods due that day.</summary>
    public Task<IReadOnlyList<ReportContent>> BuildAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        BuildAsync(asOf, ReportPeriod.ClosingOn(asOf, options.Value.PeriodCloseDelayDays), cancellationToken);

    /// <summary>The daily snapshots as of <paramref name="asOf"/> and the close reports of <paramref name="periods"/> (each must have ended by then).</summary>
    public async Task<IReadOnlyList<ReportContent>> BuildAsync(DateOnly asOf, IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.FirstOrDefault(p => p.End > asOf) is { } open)
        {
            throw new ArgumentException($"The period {open.Label} has not ended by {asOf:yyyy-MM-dd}.", nameof(periods));
        }

        var settings = options.Value;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reads = ReportReads.For(asOf, periods, settings);
        var dunning = new DunningFigures(asOf, reads.TrendStart);
        var dunned = new HashSet<(string AccountId, string InvoiceId)>();
        await foreach (var notice in store.QueryAsync<DunningNotice>(reads.SentNotices, cancellationToken))
        {
            if (dunning.Add(notice.Value))
            {
                dunned.Add((notice.Value.AccountId, notice.Value.InvoiceId));
            }
        }

        var invoices = new InvoiceFigures(asOf, settings, periods);
        var invoiceCount = 0L;
        var seen = new HashSet<DocumentKey>();
        foreach (var query in reads.Invoices)
        {
            await foreach (var invoice in store.QueryAsync<Invoice>(query, cancellationToken))
            {
                if (seen.Add(invoice.Key))
                {
                    invoices.Add(invoice.Value);
                    dunning.Add(invoice.Value);
                    dunned.Remove((invoice.Value.AccountId, invoice.Value.Id));
                    invoiceCount++;
                }
            }
        }

        // Invoices dunned in the window that none of the queries returned (settled long before): read one by one.
        foreach (var (accountId, invoiceId) in dunned)
        {
            if (await store.ReadAsync<Invoice>(accountId, invoiceId, cancellationToken) is { } invoice)
            {
                dunning.Add(invoice.Value);
            }
        }

        var payments = new PaymentFigures(asOf, settings, periods);
        var seenPayments = new HashSet<DocumentKey>();
        foreach (var query in reads.Payments)
        {
            await foreach (var payment in store.QueryAsync<Payment>(query, cancellationToken))
            {
                if (seenPayments.Add(payment.Key))
                {
                    payments.Add(payment.Value);
                }
            }
        }

        var credits = new CreditFigures(settings);
        await foreach (var credit in store.QueryAllAsync<AccountCredit>(cancellationToken))
        {
            credits.Add(credit.Value);
        }

        var previousAging = await PreviousAsync(ReportNames.Aging, asOf, cancellationToken);
        var contents = new List<ReportContent>
        {
            AgingReport.Build(asOf, invoices, settings, previousAging),
            RevenueReport.Build(asOf, invoices, settings),
            CashReport.Build(asOf, invoices, payments, settings),
            DunningFunnelReport.Build(asOf, dunning),
            UnappliedCashReport.Build(asOf, payments, credits),
        };
        contents.AddRange(periods.Select(p => PeriodCloseReport.Build(p, invoices.Periods[p], payments)));
        LogBuilt(asOf, contents.Count, invoiceCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return contents;
    }

    /// <summary>The newest version of the latest snapshot of <paramref name="report"/> before <paramref name="asOf"/>.</summary>
    private async Task<ReportContent?> PreviousAsync(string report, DateOnly asOf, CancellationToken cancellationToken)
    {
        ReportSnapshot? previous = null;
        await foreach (var stored in store.QueryPartitionAsync<ReportSnapshot>(report, cancellationToken))
        {
            var snapshot = stored.Value;
            if (snapshot.AsOf < asOf && (previous is null || snapshot.AsOf > previous.AsOf || (snapshot.AsOf == previous.AsOf && snapshot.Version > previous.Version)))
            {
                previous = snapshot;
            }
        }

        return previous?.Content;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports as of {AsOf}: {ReportCount} computed from {InvoiceCount} invoices in {ElapsedMs} ms")]
    private partial void LogBuilt(DateOnly asOf, int reportCount, long invoiceCount, double elapsedMs);
}
