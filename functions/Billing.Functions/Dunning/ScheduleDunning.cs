using Billing.Core.Dunning;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Dunning;

/// <summary>
/// The daily dunning fan-out: enqueues the dunning-notice messages of the first page of open invoices due today (UTC)
/// and, when there is more, a schedule-dunning-page message (<see cref="ScheduleDunningPage"/> does the rest). When the bank-file freshness
/// guard blocks the run, nothing is enqueued and the reason is logged as a warning (the run itself succeeded).
/// </summary>
public sealed partial class ScheduleDunning(DunningScheduler scheduler, TimeProvider time, ILogger<ScheduleDunning> logger)
{
    [Function(nameof(ScheduleDunning))]
    [ExponentialBackoffRetry(3, "00:00:10", "00:02:00")]
    public async Task RunAsync([TimerTrigger("%DUNNING_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var runDate = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        LogStarting(runDate, timer.IsPastDue);
        var report = await scheduler.SchedulePageAsync(runDate, after: null, cancellationToken);
        if (report.BlockedReason is { } reason)
        {
            LogBlocked(runDate, reason, report.Skipped.Count);
            return;
        }

        LogFinished(runDate, report.Notices.Count, report.Skipped.Count, report.MessagesEnqueued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduling dunning for {RunDate} (past due: {IsPastDue})")]
    private partial void LogStarting(DateOnly runDate, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning for {RunDate} scheduled: {NoticeCount} notices, {SkippedCount} skipped, {MessageCount} messages enqueued")]
    private partial void LogFinished(DateOnly runDate, int noticeCount, int skippedCount, int messageCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dunning for {RunDate} blocked, nothing enqueued ({SkippedCount} notices held back): {BlockedReason}")]
    private partial void LogBlocked(DateOnly runDate, string blockedReason, int skippedCount);
}
