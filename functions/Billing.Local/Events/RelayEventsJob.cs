using System.Globalization;
using Billing.Core.Events;
using Billing.Local.Scheduling;

namespace Billing.Local.Events;

/// <summary>
/// The <c>RelayEvents</c> timer of the embedded default: relays whatever waits in the outbox to <c>events.jsonl</c>.
/// Registered after the other jobs, so <c>billing run</c> ends with every event of the run relayed. It ignores the
/// relay's back-off: a run is rare and asked for.
/// </summary>
public sealed class RelayEventsJob(EventRelay relay) : ILocalScheduledJob
{
    public const string JobName = "events";

    public string Name => JobName;

    public async Task<ScheduledJobResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var result = await relay.RelayAsync(ignoreBackoff: true, cancellationToken);
        var failure = result.Failure is { } reason ? $"; relaying failed: {reason}" : "";
        return new ScheduledJobResult(0, string.Create(CultureInfo.InvariantCulture, $"{result.Relayed} relayed, {result.Waiting} waiting in the outbox{failure}"));
    }
}
