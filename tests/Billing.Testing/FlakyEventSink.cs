using System.Collections.Concurrent;
using Billing.Core.Events;

namespace Billing.Testing;

/// <summary>
/// An event sink (what Service Bus is to the relay) that can be down, or refuse chosen events, for tests of the outbox.
/// It keeps every id it accepted, in order and with repeats (what arrived), and the distinct ids (what duplicate
/// detection would let through).
/// </summary>
public sealed class FlakyEventSink : IEventPublisher
{
    private readonly Lock _gate = new();
    private readonly List<IntegrationEvent> _accepted = [];

    /// <summary>While true, every publish throws (an outage).</summary>
    public bool Down { get; set; }

    /// <summary>Ids of events the sink refuses (and with them the whole publish call).</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new();

    public int Calls => _calls;

    private int _calls;

    public IReadOnlyList<IntegrationEvent> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public IReadOnlyList<string> AcceptedIds => [.. Accepted.Select(e => e.Id)];

    public IReadOnlySet<string> DistinctIds => Accepted.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

    public Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (Down)
        {
            throw new InvalidOperationException("The event sink is unreachable.");
        }

        if (events.FirstOrDefault(e => Refused.ContainsKey(e.Id)) is { } refused)
        {
            throw new InvalidOperationException($"The event sink refused {refused.Id}.");
        }

        lock (_gate)
        {
            _accepted.AddRange(events);
        }

        return Task.CompletedTask;
    }
}
