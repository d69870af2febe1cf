using Azure.Messaging.ServiceBus;
using Billing.Core.Events;
using Billing.Core.Serialization;

namespace Billing.Azure.Events;

/// <summary>
/// Publishes integration events to the Service Bus topic (<c>SERVICEBUS_TOPIC</c>, default
/// <c>billing-events</c>). The message id is the event id, so the topic's duplicate detection drops a
/// replay; <c>Subject</c> and the application property <c>eventType</c> carry the type (subscriptions
/// filter on it), <c>CorrelationId</c> the account. Events go out in as few batches as fit.
/// </summary>
public sealed class ServiceBusEventPublisher(ServiceBusSender sender) : IEventPublisher
{
    public const string EventTypeProperty = "eventType";

    public async Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        try
        {
            foreach (var message in events.Select(ToMessage))
            {
                if (batch.TryAddMessage(message))
                {
                    continue;
                }

                if (batch.Count == 0)
                {
                    throw new InvalidOperationException($"Event {message.MessageId} is larger than a Service Bus message may be ({batch.MaxSizeInBytes} bytes).");
                }

                await sender.SendMessagesAsync(batch, cancellationToken);
                batch.Dispose();
                batch = await sender.CreateMessageBatchAsync(cancellationToken);
                if (!batch.TryAddMessage(message))
                {
                    throw new InvalidOperationException($"Event {message.MessageId} is larger than a Service Bus message may be ({batch.MaxSizeInBytes} bytes).");
                }
            }

            if (batch.Count > 0)
            {
                await sender.SendMessagesAsync(batch, cancellationToken);
            }
        }
        finally
        {
            batch.Dispose();
        }
    }

    public static ServiceBusMessage ToMessage(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var message = new ServiceBusMessage(BinaryData.FromBytes(BillingJson.SerializeToUtf8(integrationEvent)))
        {
            MessageId = integrationEvent.Id,
            Subject = integrationEvent.Type,
            CorrelationId = integrationEvent.AccountId,
            ContentType = "application/json",
        };
        message.ApplicationProperties[EventTypeProperty] = integrationEvent.Type;
        return message;
    }
}
