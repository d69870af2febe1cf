namespace Billing.Core.Dunning;

/// <summary>
/// What one dunning run does with one invoice (<see cref="DunningScheduler.Decide"/>): exactly one of
/// <see cref="Send"/> (a notice is due), <see cref="Skip"/> (an open invoice passed over, with the reason, for the
/// report) or <see cref="Ignore"/> (a closed invoice whose ladder is over: not worth a line in the report).
/// The hierarchy is closed: its constructor is private, so these three are the only cases.
/// </summary>
public abstract record DunningDecision
{
    private DunningDecision()
    {
    }

    /// <summary>The invoice gets <paramref name="Notice"/>.</summary>
    public sealed record Send(DunningRunItem Notice) : DunningDecision;

    /// <summary>The invoice gets nothing, for the reason in <paramref name="Reason"/>.</summary>
    public sealed record Skip(DunningRunSkip Reason) : DunningDecision;

    /// <summary>The invoice is closed and its ladder is over: nothing to send or report.</summary>
    public sealed record Ignore : DunningDecision
    {
        public static Ignore Instance { get; } = new();
    }
}
