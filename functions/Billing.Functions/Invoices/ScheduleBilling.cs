using Billing.Core.Issuing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Invoices;

/// <summary>The daily billing fan-out: enqueues one bill-account message per account of the first page of accounts due
/// today (UTC) and, when there is more, a schedule-billing-page message (<see cref="ScheduleBillingPage"/> does the rest).</summary>
public sealed partial class ScheduleBilling(BillingScheduler scheduler, TimeProvider time, ILogger<ScheduleBilling> logger)
{
    [Function(nameof(ScheduleBilling))]
    [ExponentialBackoffRetry(3, "00:00:10", "00:02:00")]
    public async Task RunAsync([TimerTrigger("%BILLING_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var billingDate = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        LogStarting(billingDate, timer.IsPastDue);
        var enqueued = await scheduler.ScheduleAsync(billingDate, cancellationToken);
        LogFinished(billingDate, enqueued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduling billing for {BillingDate} (past due: {IsPastDue})")]
    private partial void LogStarting(DateOnly billingDate, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Billing for {BillingDate} scheduled: {AccountCount} accounts enqueued")]
    private partial void LogFinished(DateOnly billingDate, int accountCount);
}
