using System.Diagnostics;
using Billing.Local.Messaging;

namespace Billing.Local.Scheduling;

/// <summary>
/// One pass of every scheduled job as of a date, then the queues drained until empty: what the Functions
/// app does over a day, done at once. Running it again for the same date creates nothing new, because
/// every job and handler is idempotent.
/// </summary>
public sealed class LocalScheduledRun(IEnumerable<ILocalScheduledJob> jobs, LocalQueueRunner runner)
{
    private readonly IReadOnlyList<ILocalScheduledJob> _jobs = jobs.ToList();

    public async Task<ScheduledRunResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var enqueued = new Dictionary<string, int>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        foreach (var job in _jobs)
        {
            enqueued[job.Name] = await job.RunAsync(asOf, cancellationToken);
        }

        var scheduling = Stopwatch.GetElapsedTime(started);
        var drained = await runner.DrainAsync(cancellationToken);
        return new ScheduledRunResult(asOf, enqueued, scheduling, drained);
    }
}
