namespace Billing.Core.Events;

/// <summary>Publishes integration events; publishing the same event id twice has the effect of once.</summary>
public interface IEventPublisher
{
    Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default);
}
