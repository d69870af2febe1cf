using Billing.Core.Events;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Events;

/// <summary>
/// The outbox relay's timer (<c>%EVENTS_RELAY_SCHEDULE%</c>, every minute by default): sends the integration events
/// recorded by the flows to the Service Bus topic and marks them relayed. While Service Bus is unavailable the run
/// ends normally with the events still waiting (and the relay backs off); a run that fails reading the outbox is
/// simply tried again on the next tick, so it carries no retry policy. Running twice is harmless: a repeated send has
/// the same MessageId and duplicate detection drops it.
/// </summary>
public sealed partial class RelayEvents(EventRelay relay, ILogger<RelayEvents> logger)
{
    [Function(nameof(RelayEvents))]
    public async Task RunAsync([TimerTrigger("%EVENTS_RELAY_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await relay.RelayAsync(cancellationToken: cancellationToken);
        if (result.BackingOff)
        {
            LogBackingOff(relay.RetryAfter);
        }
        else if (result.Failure is { } failure)
        {
            LogWaiting(result.Relayed, result.Waiting, failure);
        }
        else
        {
            LogRelayed(result.Relayed, result.Waiting);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event relay backing off until {RetryAfter}")]
    private partial void LogBackingOff(DateTimeOffset? retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relayed {Relayed} events; {Waiting} wait because sending failed: {Failure}")]
    private partial void LogWaiting(int relayed, int waiting, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relayed {Relayed} events; {Waiting} wait for the next run")]
    private partial void LogRelayed(int relayed, int waiting);
}
