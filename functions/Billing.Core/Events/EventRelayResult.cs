namespace Billing.Core.Events;

/// <summary>What one relay run did: events the sink accepted, events still waiting, and why it stopped early (if it did).</summary>
/// <param name="Relayed">Events the sink accepted and that are now marked relayed.</param>
/// <param name="Waiting">Events still pending after the run (known only for the partitions it looked at).</param>
/// <param name="Failure">The sink's last error (one line), or <c>null</c> when nothing failed.</param>
/// <param name="BackingOff">True when the run did not try at all because an earlier failure's back-off has not passed.</param>
public sealed record EventRelayResult(int Relayed, int Waiting, string? Failure, bool BackingOff = false)
{
    public static EventRelayResult Skipped { get; } = new(0, 0, null, BackingOff: true);
}
