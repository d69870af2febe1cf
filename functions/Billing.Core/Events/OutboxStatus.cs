using Billing.Core.Storage;

namespace Billing.Core.Events;

/// <summary>
/// What waits in the outbox: how many events, since when (the oldest recording time), and how many of each type.
/// Read with the same indexed query the relay uses (pending events only; the relayed history is never read).
/// </summary>
public sealed record OutboxStatus(int Waiting, DateTimeOffset? OldestRecordedAt, IReadOnlyDictionary<string, int> WaitingByType, IReadOnlyList<PendingEvent> Oldest)
{
    /// <summary>How many of the oldest waiting events <see cref="ReadAsync"/> keeps in <see cref="Oldest"/>.</summary>
    public const int OldestShown = 20;

    public static async Task<OutboxStatus> ReadAsync(IDocumentStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var count = 0;
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var oldest = new List<PendingEvent>();
        await foreach (var pending in store.QueryAllAsync<PendingEvent>(cancellationToken).ConfigureAwait(false))
        {
            count++;
            byType[pending.Value.Event.Type] = byType.GetValueOrDefault(pending.Value.Event.Type) + 1;
            oldest.Add(pending.Value);
            if (oldest.Count > OldestShown * 4)
            {
                Trim(oldest);
            }
        }

        Trim(oldest);
        return new OutboxStatus(count, oldest.Count > 0 ? oldest[0].RecordedAt : null, byType, oldest);
    }

    private static void Trim(List<PendingEvent> events)
    {
        events.Sort(PendingEvent.RecordingOrder);
        if (events.Count > OldestShown)
        {
            events.RemoveRange(OldestShown, events.Count - OldestShown);
        }
    }
}
