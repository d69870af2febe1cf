using System.Globalization;
using Billing.Core.Dunning;

namespace Billing.Local.Scheduling;

/// <summary>
/// The <c>ScheduleDunning</c> timer: enqueues the first page of the dunning notices due on the date (the
/// <c>schedule-dunning-page</c> handler does the rest while the queues drain); its counts are the first page's. A run the bank-file freshness guard
/// blocks enqueues nothing and is not a failure: its note says why, so <c>billing run</c> can print it.
/// </summary>
public sealed class DunningScheduleJob(DunningScheduler scheduler) : ILocalScheduledJob
{
    public const string JobName = "dunning";

    public string Name => JobName;

    public async Task<ScheduledJobResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var report = await scheduler.SchedulePageAsync(asOf, after: null, cancellationToken);
        return report.BlockedReason is { } reason
            ? new ScheduledJobResult(0, $"blocked, nothing sent: {reason}")
            : new ScheduledJobResult(report.MessagesEnqueued, string.Create(CultureInfo.InvariantCulture, $"{report.Notices.Count} notices due, {report.Skipped.Count} invoices skipped"));
    }
}
