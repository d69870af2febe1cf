namespace Billing.Local.Scheduling;

/// <summary>
/// A timer-triggered job run locally: the counterpart of a timer function (billing today; dunning and
/// report snapshots later). Register one with <c>services.AddLocalScheduledJob&lt;T&gt;()</c>;
/// <see cref="LocalScheduledRun"/> runs every job for a date and then drains the queues they filled.
/// </summary>
public interface ILocalScheduledJob
{
    /// <summary>A short name for summaries ("billing").</summary>
    string Name { get; }

    /// <summary>Does the job's work as of <paramref name="asOf"/>; returns how many work items it enqueued.</summary>
    Task<int> RunAsync(DateOnly asOf, CancellationToken cancellationToken);
}
