using Billing.Core.Issuing;

namespace Billing.Local.Scheduling;

/// <summary>The <c>ScheduleBilling</c> timer: enqueues every account due on the date.</summary>
public sealed class BillingScheduleJob(BillingScheduler scheduler) : ILocalScheduledJob
{
    public const string JobName = "billing";

    public string Name => JobName;

    public async Task<ScheduledJobResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        new(await scheduler.ScheduleAsync(asOf, cancellationToken));
}
