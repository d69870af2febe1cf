namespace Billing.Local.Messaging;

/// <summary>Counts of one queue in a drain; safe to update from concurrent handlers.</summary>
public sealed class QueueDrainCounts
{
    private int _handled;
    private int _failedAttempts;
    private int _poisoned;
    private long _elapsedTicks;

    public int Handled => _handled;

    /// <summary>Attempts that threw (each retry counts).</summary>
    public int FailedAttempts => _failedAttempts;

    public int Poisoned => _poisoned;

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    internal void AddHandled() => Interlocked.Increment(ref _handled);

    internal void AddFailure(bool poisoned)
    {
        Interlocked.Increment(ref _failedAttempts);
        if (poisoned)
        {
            Interlocked.Increment(ref _poisoned);
        }
    }

    internal void AddElapsed(TimeSpan elapsed) => Interlocked.Add(ref _elapsedTicks, elapsed.Ticks);
}
