using Billing.Core.Events;

namespace Billing.Local.Memory;

/// <summary>An event sink (what Service Bus is in Azure) that accepts every integration event and keeps only their count,
/// for capacity simulations: the outbox and its relay still do their store work.</summary>
public sealed class NullEventSink : IEventPublisher
{
    private long _published;

    public long Published => Interlocked.Read(ref _published);

    public Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        Interlocked.Add(ref _published, events.Count);
        return Task.CompletedTask;
    }
}
