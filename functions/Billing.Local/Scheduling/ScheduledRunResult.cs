using Billing.Local.Messaging;

namespace Billing.Local.Scheduling;

/// <summary>What one <see cref="LocalScheduledRun"/> did: each job's result (in the order they ran), the time the jobs took, and the drains after them.</summary>
public sealed record ScheduledRunResult(DateOnly AsOf, IReadOnlyDictionary<string, ScheduledJobResult> Jobs, TimeSpan Scheduling, QueueDrainResult Drained)
{
    /// <summary>Work items each job enqueued.</summary>
    public IReadOnlyDictionary<string, int> Enqueued => Jobs.ToDictionary(j => j.Key, j => j.Value.Enqueued, StringComparer.Ordinal);
}
