using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Invoices;

/// <summary>
/// Continues the billing fan-out with the next page of due accounts (a <see cref="SchedulePageMessage"/> that the timer
/// or the previous page enqueued). A message <see cref="QueueMessageParser"/> rejects throws, and is poisoned after
/// maxDequeueCount attempts; a redelivered one enqueues the same page again, which billing tolerates.
/// </summary>
public sealed partial class ScheduleBillingPage(BillingScheduler scheduler, ILogger<ScheduleBillingPage> logger)
{
    [Function(nameof(ScheduleBillingPage))]
    public async Task RunAsync([QueueTrigger("%SCHEDULE_BILLING_PAGE_QUEUE%")] string message, CancellationToken cancellationToken)
    {
        var request = QueueMessageParser.SchedulePage(message, "schedule-billing-page");
        var enqueued = await scheduler.SchedulePageAsync(request.Date, request.Cursor, cancellationToken);
        LogPage(request.Date, request.AfterPartitionKey, enqueued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Billing {BillingDate}: page after account {AfterAccountId} enqueued {AccountCount} accounts")]
    private partial void LogPage(DateOnly billingDate, string afterAccountId, int accountCount);
}
