using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Billing.Local.Messaging;

/// <summary>
/// Drains the local queues the way the Functions host would: every registered <see cref="ILocalQueueHandler"/>
/// gets its queue's messages, handled by up to <see cref="MaxConcurrency"/> at once. A message whose handler
/// throws goes back to its queue and is retried after a growing delay (<see cref="InProcessWorkQueue.RetryDelay"/>);
/// after <see cref="InProcessWorkQueue.MaxDequeueCount"/>
/// attempts it is moved to the poison table with the error. Queues are drained in registration order and
/// again until none holds a message, since handling one queue's messages enqueues into the next.
/// Messages of queues no handler is registered for stay where they are.
/// </summary>
public sealed partial class LocalQueueRunner(InProcessWorkQueue queue, IEnumerable<ILocalQueueHandler> handlers, ILogger<LocalQueueRunner> logger)
{
    private readonly IReadOnlyList<ILocalQueueHandler> _handlers = handlers.ToList();

    /// <summary>How many messages are handled at the same time (default: one per processor).</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Per-queue overrides of <see cref="MaxConcurrency"/>: a queue set to 1 is handled strictly in enqueue order
    /// (the demo bills accounts one at a time so invoice numbers follow the account order and a seed gives the same numbers).
    /// </summary>
    public IDictionary<string, int> QueueConcurrency { get; } = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The queue names this runner drains, in order.</summary>
    public IEnumerable<string> QueueNames => _handlers.Select(h => h.QueueName);

    public async Task<QueueDrainResult> DrainAsync(CancellationToken cancellationToken = default)
    {
        var result = new QueueDrainResult();
        await DrainAsync(result, cancellationToken);
        return result;
    }

    /// <summary>Drains the queues, adding the counts to <paramref name="result"/> (several drains of one scheduled run add up).</summary>
    public async Task DrainAsync(QueueDrainResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var retrying = new ConcurrentDictionary<long, bool>();
        while (true)
        {
            var any = false;
            foreach (var handler in _handlers)
            {
                var started = Stopwatch.GetTimestamp();
                var handled = await DrainQueueAsync(handler, result, retrying, cancellationToken);
                result.AddElapsed(handler.QueueName, Stopwatch.GetElapsedTime(started));
                any |= handled > 0;
            }

            if (any)
            {
                continue;
            }

            // Nothing was ready: done, unless a message this drain failed is waiting out its retry delay.
            foreach (var sequence in retrying.Keys.Where(s => !queue.Contains(s)).ToList())
            {
                retrying.TryRemove(sequence, out _);
            }

            if (retrying.IsEmpty)
            {
                return;
            }

            await Task.Delay(s_retryPollInterval, cancellationToken);
        }
    }

    private static readonly TimeSpan s_retryPollInterval = TimeSpan.FromMilliseconds(50);

    private async Task<int> DrainQueueAsync(ILocalQueueHandler handler, QueueDrainResult result, ConcurrentDictionary<long, bool> retrying, CancellationToken cancellationToken)
    {
        var handled = 0;
        var concurrency = QueueConcurrency.TryGetValue(handler.QueueName, out var own) ? own : MaxConcurrency;
        var workers = Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(async () =>
        {
            while (queue.TryClaim(handler.QueueName) is { } message)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref handled);
                if (!await HandleAsync(handler, message, result, cancellationToken))
                {
                    retrying[message.Sequence] = true;
                }
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return handled;
    }

    /// <summary>Handles one message; false when it failed and waits for a retry.</summary>
    private async Task<bool> HandleAsync(ILocalQueueHandler handler, QueuedMessage message, QueueDrainResult result, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(message.Json, cancellationToken);
            queue.Complete(message);
            result.RecordHandled(message.QueueName);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var poisoned = queue.Fail(message, $"{e.GetType().Name}: {e.Message}");
            result.RecordFailure(message.QueueName, poisoned);
            if (poisoned)
            {
                LogPoisoned(e, message.QueueName, message.Sequence, message.DequeueCount);
                return true;
            }

            LogRetrying(message.QueueName, message.Sequence, message.DequeueCount, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {Sequence} of queue {QueueName} failed (attempt {DequeueCount}), will retry: {Error}")]
    private partial void LogRetrying(string queueName, long sequence, int dequeueCount, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {Sequence} of queue {QueueName} moved to poison after {DequeueCount} attempts")]
    private partial void LogPoisoned(Exception exception, string queueName, long sequence, int dequeueCount);
}
