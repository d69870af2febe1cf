using Billing.Local.Messaging;

namespace Billing.Local.Scheduling;

/// <summary>What one <see cref="LocalScheduledRun"/> did: work items each job enqueued, the time the jobs took, and the drain.</summary>
public sealed record ScheduledRunResult(DateOnly AsOf, IReadOnlyDictionary<string, int> Enqueued, TimeSpan Scheduling, QueueDrainResult Drained);
