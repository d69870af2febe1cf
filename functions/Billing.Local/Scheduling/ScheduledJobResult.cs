namespace Billing.Local.Scheduling;

/// <summary>
/// What one scheduled job did: how many work items it enqueued, and a line for the operator when there is more to say
/// (a dunning run blocked by the freshness guard and why, where the reports were written).
/// </summary>
public sealed record ScheduledJobResult(int Enqueued, string? Note = null);
