using Billing.Core.Issuing;

namespace Billing.Local.Scheduling;

/// <summary>The <c>ScheduleBilling</c> timer: enqueues the first page of accounts due on the date (the
/// <c>schedule-billing-page</c> handler does the rest while the queues drain).</summary>
public sealed class BillingScheduleJob(BillingScheduler scheduler) : ILocalScheduledJob
{
    public const string JobName = "billing";

    public string Name => JobName;

    public async Task<ScheduledJobResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        new(await scheduler.ScheduleAsync(asOf, cancellationToken));
}
