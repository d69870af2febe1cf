using Billing.Core.Storage;

namespace Billing.Core.Events;

/// <summary>
/// An integration event the sink has accepted: what a <see cref="PendingEvent"/> becomes (same id, same
/// partition) once relayed. It stays, so that a replay of the change that caused the event still finds the id
/// taken and records nothing new.
/// </summary>
public sealed record RelayedEvent(IntegrationEvent Event, DateTimeOffset RecordedAt, DateTimeOffset RelayedAt) : IDocument
{
    public static string DocumentType => "relayedEvent";

    public static string Container => Containers.Billing;
}
