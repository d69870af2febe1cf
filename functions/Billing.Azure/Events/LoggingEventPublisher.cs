using Billing.Core.Events;
using Billing.Core.Serialization;
using Microsoft.Extensions.Logging;

namespace Billing.Azure.Events;

/// <summary>
/// <see cref="IEventPublisher"/> for running the Functions app where no Service Bus exists (<c>SERVICEBUS__disabled=true</c>:
/// a developer's machine, the host tests). Each event is logged as a warning with its id, type, account and JSON body,
/// so nothing is lost silently; nothing is published. Never configured in Azure.
/// </summary>
public sealed partial class LoggingEventPublisher(ILogger<LoggingEventPublisher> logger) : IEventPublisher
{
    public Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            LogNotPublished(e.Id, e.Type, e.AccountId, BillingJson.Serialize(e));
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service Bus disabled: event {EventId} ({EventType}, account {AccountId}) not published: {Event}")]
    private partial void LogNotPublished(string eventId, string eventType, string accountId, string @event);
}
