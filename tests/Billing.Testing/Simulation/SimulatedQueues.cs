using Billing.Core.Messaging;
using Billing.Core.Serialization;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Testing.Simulation;

/// <summary>One message in a <see cref="SimulatedQueues"/>: its queue, body, how often it was handed out, when it is visible.</summary>
public sealed record SimulatedMessage(long Id, string Queue, string Body)
{
    public int DequeueCount { get; set; }

    public DateTimeOffset VisibleAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>
/// Storage queues as the Functions host uses them: at least once (an enqueue is sometimes delivered twice), a failed message
/// comes back and after five failed deliveries goes to poison with its last error, a delayed message stays hidden until
/// its time (the fake clock). Enqueues can fail before or after they take effect.
/// </summary>
public sealed class SimulatedQueues(SimulationFaults faults, FakeTimeProvider clock) : IWorkQueue
{
    public const int MaxDequeueCount = 5;

    private readonly Lock _lock = new();
    private readonly List<SimulatedMessage> _waiting = [];
    private long _next;

    public List<SimulatedMessage> Poison { get; } = [];

    public List<SimulatedMessage> Handled { get; } = [];

    /// <summary>Every message body ever enqueued (for the replay check).</summary>
    public List<(string Queue, string Body)> History { get; } = [];

    public int DuplicateDeliveries { get; private set; }

    public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default) =>
        EnqueueAsync(queueName, message, TimeSpan.Zero, cancellationToken);

    public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default) =>
        faults.RunAsync($"enqueue {queueName}", true, () =>
        {
            Add(queueName, BillingJson.Serialize(message), visibilityDelay);
            return Task.FromResult(0);
        });

    /// <summary>Adds a message without faults (the harness's own timer ticks and uploads).</summary>
    public void Add(string queueName, string body, TimeSpan delay = default)
    {
        lock (_lock)
        {
            History.Add((queueName, body));
            var copies = faults.Enabled && faults.NextDouble() < 0.1 ? 2 : 1;
            DuplicateDeliveries += copies - 1;
            for (var i = 0; i < copies; i++)
            {
                _waiting.Add(new SimulatedMessage(++_next, queueName, body) { VisibleAt = clock.GetUtcNow() + delay });
            }
        }
    }

    /// <summary>
    /// Hands messages to <paramref name="workers"/> concurrent handlers until no message is left: failed ones come back
    /// (poisoned after <see cref="MaxDequeueCount"/>), hidden ones are waited for by moving the clock.
    /// </summary>
    public async Task DrainAsync(int workers, Func<SimulatedMessage, Task> handle)
    {
        for (var round = 0; round < 100_000; round++)
        {
            List<SimulatedMessage> batch;
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                batch = _waiting.Where(m => m.VisibleAt <= now).OrderBy(_ => faults.Next(1000)).Take(workers).ToList();
                if (batch.Count == 0)
                {
                    if (_waiting.Count == 0)
                    {
                        return;
                    }

                    clock.SetUtcNow(_waiting.Min(m => m.VisibleAt));
                    continue;
                }

                foreach (var m in batch)
                {
                    _waiting.Remove(m);
                    m.DequeueCount++;
                }
            }

            await Task.WhenAll(batch.Select(m => Task.Run(async () =>
            {
                try
                {
                    await handle(m);
                    lock (_lock)
                    {
                        Handled.Add(m);
                    }
                }
#pragma warning disable CA1031 // a handler's failure of any kind is what the queue records
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    lock (_lock)
                    {
                        m.LastError = $"{ex.GetType().Name}: {ex.Message}";
                        if (m.DequeueCount >= MaxDequeueCount)
                        {
                            Poison.Add(m);
                        }
                        else
                        {
                            m.VisibleAt = clock.GetUtcNow() + TimeSpan.FromSeconds(m.DequeueCount);
                            _waiting.Add(m);
                        }
                    }
                }
            })));
        }

        throw new InvalidOperationException("The simulated queues did not drain in 100,000 rounds.");
    }

    /// <summary>Moves every poisoned message back (billing poison replay).</summary>
    public int ReplayPoison()
    {
        lock (_lock)
        {
            var poisoned = Poison.ToList();
            Poison.Clear();
            foreach (var m in poisoned)
            {
                _waiting.Add(new SimulatedMessage(++_next, m.Queue, m.Body) { VisibleAt = clock.GetUtcNow() });
            }

            return poisoned.Count;
        }
    }
}
