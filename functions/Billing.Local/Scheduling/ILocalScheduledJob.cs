namespace Billing.Local.Scheduling;

/// <summary>
/// A timer-triggered job run locally: the counterpart of a timer function (billing, dunning, report snapshots).
/// Register one with <c>services.AddLocalScheduledJob&lt;T&gt;()</c>; <see cref="LocalScheduledRun"/> runs the jobs
/// for a date in registration order and drains the queues after each one.
/// </summary>
public interface ILocalScheduledJob
{
    /// <summary>A short name for summaries and for choosing jobs ("billing").</summary>
    string Name { get; }

    /// <summary>Does the job's work as of <paramref name="asOf"/>; says how many work items it enqueued and anything the operator should read.</summary>
    Task<ScheduledJobResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken);
}
