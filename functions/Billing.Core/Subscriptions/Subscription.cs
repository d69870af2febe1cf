using Billing.Core.Storage;

namespace Billing.Core.Subscriptions;

/// <summary>
/// An account's subscription to a plan. Billing periods are anchored to <see cref="StartDate"/>: period
/// <c>k</c> starts on <c>StartDate.AddMonths(k × interval)</c>, so a subscription started on Jan 31 bills on
/// Feb 28 (29), Mar 31, Apr 30… (the billing cycle day is the start's day, clamped to shorter months, and
/// never drifts). Service ends the day before <see cref="EndDate"/> (the cancellation's effective date).
/// </summary>
public sealed record Subscription : IDocument
{
    public static string DocumentType => "subscription";

    public static string Container => Containers.Billing;

    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string PlanId { get; init; }

    public required int Quantity { get; init; }

    public required DateOnly StartDate { get; init; }

    /// <summary>The first day without service (cancellation effective date), or null while it runs.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>
    /// Set by dunning (suspend action): no period starting on or after this date is billed, until it is
    /// cleared again. Periods already started are not credited.
    /// </summary>
    public DateOnly? SuspendedFrom { get; init; }

    /// <summary>Plan and quantity changes, in effective-date order.</summary>
    public IReadOnlyList<SubscriptionChange> Changes { get; init; } = [];

    /// <summary>The day of month periods are anchored to (clamped to the length of shorter months).</summary>
    public int BillingCycleDay => StartDate.Day;

    public Subscription Validated()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Id, nameof(Id));
        ArgumentException.ThrowIfNullOrWhiteSpace(AccountId, nameof(AccountId));
        ArgumentException.ThrowIfNullOrWhiteSpace(PlanId, nameof(PlanId));
        ArgumentOutOfRangeException.ThrowIfLessThan(Quantity, 1, nameof(Quantity));
        if (EndDate is { } end && end < StartDate)
        {
            throw new ArgumentException($"Subscription {Id} ends ({end}) before it starts ({StartDate}).", nameof(EndDate));
        }

        var previous = StartDate;
        foreach (var change in Changes)
        {
            if (change.EffectiveDate < previous)
            {
                throw new ArgumentException($"Subscription {Id}: changes must be in date order on or after the start ({change.EffectiveDate}).", nameof(Changes));
            }

            if (change.PlanId is null && change.Quantity is null)
            {
                throw new ArgumentException($"Subscription {Id}: the change on {change.EffectiveDate} changes nothing.", nameof(Changes));
            }

            if (change.Quantity is < 1)
            {
                throw new ArgumentException($"Subscription {Id}: quantity must be at least 1 (change on {change.EffectiveDate}).", nameof(Changes));
            }

            previous = change.EffectiveDate;
        }

        return this;
    }
}
