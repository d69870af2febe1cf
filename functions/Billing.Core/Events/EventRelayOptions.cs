namespace Billing.Core.Events;

/// <summary>How much one relay run does and how it backs off after the sink fails.</summary>
public sealed record EventRelayOptions
{
    /// <summary>The options a relay gets when none are given.</summary>
    public static EventRelayOptions Default { get; } = new();

    /// <summary>Events handed to the sink at once (Service Bus packs them into as few batches as fit).</summary>
    public int SendSize { get; init; } = 100;

    /// <summary>A run stops starting new partitions once it has relayed this many events; the next run goes on.</summary>
    public int MaxEventsPerRun { get; init; } = 5_000;

    /// <summary>Partitions whose sending fails in a row before a run gives up (the sink is down, not one event bad).</summary>
    public int MaxFailuresPerRun { get; init; } = 3;

    /// <summary>The wait after the first failed run; each further failed run doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);
}
