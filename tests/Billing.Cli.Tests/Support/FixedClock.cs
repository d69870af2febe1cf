namespace Billing.Cli.Tests.Support;

/// <summary>A clock that always says 06:00 UTC on one day.</summary>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
}
