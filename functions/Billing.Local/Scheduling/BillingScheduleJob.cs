using Billing.Core.Billing;

namespace Billing.Local.Scheduling;

/// <summary>The <c>ScheduleBilling</c> timer: enqueues every account due on the date.</summary>
public sealed class BillingScheduleJob(BillingScheduler scheduler) : ILocalScheduledJob
{
    public string Name => "billing";

    public Task<int> RunAsync(DateOnly asOf, CancellationToken cancellationToken) => scheduler.ScheduleAsync(asOf, cancellationToken);
}
