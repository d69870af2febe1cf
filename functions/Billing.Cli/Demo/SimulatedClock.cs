namespace Billing.Cli.Demo;

/// <summary>
/// The demo's clock: a <see cref="TimeProvider"/> that shows the simulated day (06:00 UTC) instead of the
/// machine's time, so the stamps the use cases write (finalised, emailed) follow the simulation and a seed
/// gives the same data every time.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private long _utcTicks;

    public SimulatedClock(DateOnly day) => SetDay(day);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to 06:00 UTC of <paramref name="day"/>, when the daily billing timer fires.</summary>
    public void SetDay(DateOnly day) =>
        Interlocked.Exchange(ref _utcTicks, day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc).Ticks);
}
