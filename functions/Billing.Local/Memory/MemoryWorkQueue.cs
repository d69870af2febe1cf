using System.Collections.Concurrent;
using Billing.Core.Messaging;
using Billing.Core.Serialization;
using Billing.Local.Messaging;

namespace Billing.Local.Memory;

/// <summary>
/// Work queues in memory, drained by a fixed number of concurrent workers the way the Functions host drains Storage
/// queues on its instances (<see cref="DrainAsync"/>), for capacity simulations (<c>billing simulate</c>). A message
/// whose handler throws is visible again at once (the queue trigger's default) and is poisoned after
/// <see cref="MaxDequeueCount"/> attempts; the failures are counted by exception type (<see cref="Failures"/>). A
/// message enqueued with a visibility delay waits until nothing else is left to do, then comes back (the simulation's
/// time does not pass by itself).
/// </summary>
public sealed class MemoryWorkQueue : IWorkQueue
{
    public const int MaxDequeueCount = 5;

    private readonly Lock _lock = new();
    private readonly Queue<Message> _visible = new();
    private readonly List<Message> _delayed = [];
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly List<(string Queue, string Json, string Error)> _poison = [];
    private int _busy;

    /// <summary>Failed attempts so far, by exception type name (e.g. <c>ContentionException</c>).</summary>
    public IReadOnlyDictionary<string, int> Failures => _failures;

    /// <summary>Messages that failed <see cref="MaxDequeueCount"/> times, with their last error.</summary>
    public IReadOnlyList<(string Queue, string Json, string Error)> Poison
    {
        get
        {
            lock (_lock)
            {
                return [.. _poison];
            }
        }
    }

    public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default) =>
        EnqueueAsync(queueName, message, TimeSpan.Zero, cancellationToken);

    public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var queued = new Message(queueName, BillingJson.Serialize(message));
        lock (_lock)
        {
            if (visibilityDelay > TimeSpan.Zero)
            {
                _delayed.Add(queued);
            }
            else
            {
                _visible.Enqueue(queued);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Hands every message of the handlers' queues to <paramref name="workers"/> concurrent workers until none is left
    /// (messages the handlers enqueue included); returns what was handled, failed and poisoned per queue.
    /// </summary>
    public async Task<QueueDrainResult> DrainAsync(IEnumerable<ILocalQueueHandler> handlers, int workers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var byQueue = handlers.ToDictionary(h => h.QueueName, StringComparer.Ordinal);
        var result = new QueueDrainResult();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(byQueue, result, cancellationToken), cancellationToken)));
        return result;
    }

    private async Task WorkAsync(Dictionary<string, ILocalQueueHandler> handlers, QueueDrainResult result, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (message, done) = Next(handlers);
            if (done)
            {
                return;
            }

            if (message is null)
            {
                // Others are still working and may enqueue more.
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await handlers[message.Queue].HandleAsync(message.Json, cancellationToken).ConfigureAwait(false);
                result.RecordHandled(message.Queue);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                var poisoned = message.DequeueCount >= MaxDequeueCount;
                result.RecordFailure(message.Queue, poisoned);
                lock (_lock)
                {
                    if (poisoned)
                    {
                        _poison.Add((message.Queue, message.Json, $"{e.GetType().Name}: {e.Message}"));
                    }
                    else
                    {
                        _visible.Enqueue(message);
                    }
                }
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
            }
        }
    }

    /// <summary>The next message a worker takes (counted busy), or none yet, or done: nothing visible, delayed or in work.</summary>
    private (Message? Message, bool Done) Next(Dictionary<string, ILocalQueueHandler> handlers)
    {
        lock (_lock)
        {
            for (var i = _visible.Count; i > 0; i--)
            {
                var candidate = _visible.Dequeue();
                if (handlers.ContainsKey(candidate.Queue))
                {
                    candidate.DequeueCount++;
                    Interlocked.Increment(ref _busy);
                    return (candidate, false);
                }

                _visible.Enqueue(candidate);
            }

            if (Volatile.Read(ref _busy) > 0)
            {
                return (null, false);
            }

            var delayed = _delayed.FindIndex(m => handlers.ContainsKey(m.Queue));
            if (delayed < 0)
            {
                return (null, true);
            }

            _visible.Enqueue(_delayed[delayed]);
            _delayed.RemoveAt(delayed);
            return (null, false);
        }
    }

    private sealed class Message(string queue, string json)
    {
        public string Queue { get; } = queue;

        public string Json { get; } = json;

        public int DequeueCount { get; set; }
    }
}
