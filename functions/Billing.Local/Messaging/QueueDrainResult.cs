using System.Collections.Concurrent;

namespace Billing.Local.Messaging;

/// <summary>What one <see cref="LocalQueueRunner.DrainAsync"/> did, per queue: handled, failed attempts, poisoned, time spent.</summary>
public sealed class QueueDrainResult
{
    private readonly ConcurrentDictionary<string, QueueDrainCounts> _queues = new(StringComparer.Ordinal);

    /// <summary>The counts of every queue that was looked at.</summary>
    public IReadOnlyDictionary<string, QueueDrainCounts> Queues => _queues;

    public int Handled => _queues.Values.Sum(q => q.Handled);

    public int Poisoned => _queues.Values.Sum(q => q.Poisoned);

    public int FailedAttempts => _queues.Values.Sum(q => q.FailedAttempts);

    /// <summary>The counts of one queue (zeros when it was not drained).</summary>
    public QueueDrainCounts this[string queueName] => _queues.TryGetValue(queueName, out var counts) ? counts : new QueueDrainCounts();

    internal void RecordHandled(string queueName) => _queues.GetOrAdd(queueName, _ => new QueueDrainCounts()).AddHandled();

    internal void RecordFailure(string queueName, bool poisoned) => _queues.GetOrAdd(queueName, _ => new QueueDrainCounts()).AddFailure(poisoned);

    internal void AddElapsed(string queueName, TimeSpan elapsed) => _queues.GetOrAdd(queueName, _ => new QueueDrainCounts()).AddElapsed(elapsed);
}
