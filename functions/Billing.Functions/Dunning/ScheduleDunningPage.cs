using Billing.Core.Dunning;
using Billing.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Dunning;

/// <summary>
/// Continues the dunning fan-out with the next page of open invoices (a <see cref="SchedulePageMessage"/> that the timer
/// or the previous page enqueued). A message <see cref="QueueMessageParser"/> rejects throws, and is poisoned after
/// maxDequeueCount attempts; a redelivered one enqueues the same notices again, which the sender tolerates.
/// </summary>
public sealed partial class ScheduleDunningPage(DunningScheduler scheduler, ILogger<ScheduleDunningPage> logger)
{
    [Function(nameof(ScheduleDunningPage))]
    public async Task RunAsync([QueueTrigger("%SCHEDULE_DUNNING_PAGE_QUEUE%")] string message, CancellationToken cancellationToken)
    {
        var request = QueueMessageParser.SchedulePage(message, "schedule-dunning-page");
        var report = await scheduler.SchedulePageAsync(request.Date, request.Cursor, cancellationToken);
        LogPage(request.Date, request.AfterPartitionKey, report.Notices.Count, report.MessagesEnqueued, report.BlockedReason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning {RunDate}: page after account {AfterAccountId}: {NoticeCount} notices, {MessageCount} messages enqueued (blocked: {BlockedReason})")]
    private partial void LogPage(DateOnly runDate, string afterAccountId, int noticeCount, int messageCount, string? blockedReason);
}
