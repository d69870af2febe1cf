using System.Diagnostics;
using Billing.Local.Messaging;

namespace Billing.Local.Scheduling;

/// <summary>
/// One pass of the scheduled jobs as of a date, in registration order (billing, dunning, reports), with the queues
/// drained after each job: what the Functions app does over a day, done at once. Draining in between keeps the
/// day's order: dunning looks at the invoices billing just issued, and the report snapshots include the day's
/// invoices and notices (so running the same date again publishes the same snapshots). Running it again for the
/// same date creates nothing new, because every job and handler is idempotent.
/// </summary>
public sealed class LocalScheduledRun(IEnumerable<ILocalScheduledJob> jobs, LocalQueueRunner runner)
{
    private readonly IReadOnlyList<ILocalScheduledJob> _jobs = jobs.ToList();

    /// <summary>The names of the registered jobs, in the order they run.</summary>
    public IEnumerable<string> JobNames => _jobs.Select(j => j.Name);

    /// <summary>Runs every registered job as of <paramref name="asOf"/>.</summary>
    public Task<ScheduledRunResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        RunJobsAsync(asOf, _jobs, cancellationToken);

    /// <summary>Runs only the jobs named <paramref name="jobNames"/> (the demo bills without dunning); an unknown name is an error.</summary>
    public Task<ScheduledRunResult> RunAsync(DateOnly asOf, IReadOnlyCollection<string> jobNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobNames);
        if (jobNames.FirstOrDefault(n => _jobs.All(j => j.Name != n)) is { } unknown)
        {
            throw new ArgumentException($"No scheduled job is called '{unknown}' (registered: {string.Join(", ", JobNames)}).", nameof(jobNames));
        }

        return RunJobsAsync(asOf, _jobs.Where(j => jobNames.Contains(j.Name)).ToList(), cancellationToken);
    }

    private async Task<ScheduledRunResult> RunJobsAsync(DateOnly asOf, IReadOnlyList<ILocalScheduledJob> jobs, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, ScheduledJobResult>(StringComparer.Ordinal);
        var scheduling = TimeSpan.Zero;
        var drained = new QueueDrainResult();
        foreach (var job in jobs)
        {
            var started = Stopwatch.GetTimestamp();
            results[job.Name] = await job.RunAsync(asOf, cancellationToken);
            scheduling += Stopwatch.GetElapsedTime(started);
            await runner.DrainAsync(drained, cancellationToken);
        }

        return new ScheduledRunResult(asOf, results, scheduling, drained);
    }
}
