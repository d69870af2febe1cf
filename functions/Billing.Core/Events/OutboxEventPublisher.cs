using Billing.Core.Storage;

namespace Billing.Core.Events;

/// <summary>
/// The <see cref="IEventPublisher"/> the use cases call: it records each event as a <see cref="PendingEvent"/>
/// (create-if-absent under the event id, in the store the flow just wrote its state to) and returns; nothing
/// here waits for Service Bus, so an outage delays events and fails no flow. When a relay is given, it then
/// relays the partitions it just recorded into, at once (unless the relay is backing off after a failure);
/// whatever that does not send waits for the next relay (the <c>RelayEvents</c> timer, <c>billing run</c>,
/// <c>billing events relay</c>). A recording failure (the store) is thrown: the flow fails and its replay
/// records again, as for any other write of the flow. The events of one call are recorded in one write batch where the
/// store batches (<paramref name="batching"/>; one write at a time without it).
/// </summary>
public sealed class OutboxEventPublisher(IDocumentStore store, TimeProvider time, EventRelay? relay = null, IDocumentWriteBatching? batching = null) : IEventPublisher
{
    private readonly IDocumentWriteBatching _batching = batching ?? new UnbatchedWrites(store);

    public async Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var partitions = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using (var batch = _batching.BeginWriteBatch())
        {
            for (var position = 0; position < events.Count; position++)
            {
                var integrationEvent = events[position];
                var partition = PendingEvent.PartitionOf(integrationEvent);
                await batch.Store.TryCreateAsync(partition, integrationEvent.Id, new PendingEvent(integrationEvent, now, position), cancellationToken).ConfigureAwait(false);
                if (seen.Add(partition))
                {
                    partitions.Add(partition);
                }
            }

            batch.Commit();
        }

        if (relay is not null)
        {
            await relay.RelayRecentAsync(partitions, cancellationToken).ConfigureAwait(false);
        }
    }
}
