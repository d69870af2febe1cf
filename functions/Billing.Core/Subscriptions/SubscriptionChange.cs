namespace Billing.Core.Subscriptions;

/// <summary>
/// A change to a subscription that takes effect on <see cref="EffectiveDate"/>: a new plan, a new quantity,
/// or both. Service from the effective date on is under the new terms.
/// </summary>
public sealed record SubscriptionChange
{
    public required DateOnly EffectiveDate { get; init; }

    public string? PlanId { get; init; }

    public int? Quantity { get; init; }
}
