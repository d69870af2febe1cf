using Billing.Core.Storage;

namespace Billing.Core.Events;

/// <summary>
/// An integration event recorded in the outbox and not yet accepted by the event sink (Service Bus, or
/// <c>events.jsonl</c> locally). It lives in the <c>billing</c> container under the id of its event (the
/// MessageId), in the partition of its account (<see cref="PartitionOf"/>), so recording it is one
/// create-if-absent beside the state change that caused it, and a replay of that change records nothing new.
/// Once relayed it is replaced, under the same id, by a <see cref="RelayedEvent"/>: the relay finds what waits
/// by asking for this document type alone, an indexed query that never reads the relayed history.
/// </summary>
/// <param name="Event">The event as it will be published.</param>
/// <param name="RecordedAt">When it was recorded; the relay sends an account's events in this order.</param>
/// <param name="Position">Its position in the list it was recorded with, which orders events recorded at the same instant.</param>
public sealed record PendingEvent(IntegrationEvent Event, DateTimeOffset RecordedAt, int Position) : IDocument
{
    /// <summary>The partition of events that belong to no account (reports).</summary>
    public const string SystemPartition = "_events";

    public static string DocumentType => "pendingEvent";

    public static string Container => Containers.Billing;

    /// <summary>The account's partition, or <see cref="SystemPartition"/> for an event without an account.</summary>
    public static string PartitionOf(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return string.IsNullOrWhiteSpace(integrationEvent.AccountId) ? SystemPartition : integrationEvent.AccountId;
    }

    /// <summary>The order the relay sends one partition's events in: recording time, then position, then id.</summary>
    public static IComparer<PendingEvent> RecordingOrder { get; } = Comparer<PendingEvent>.Create((a, b) =>
    {
        var byTime = a.RecordedAt.CompareTo(b.RecordedAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byPosition = a.Position.CompareTo(b.Position);
        return byPosition != 0 ? byPosition : string.CompareOrdinal(a.Event.Id, b.Event.Id);
    });
}
