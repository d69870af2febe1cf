namespace Billing.Core.Subscriptions;

/// <summary>What a subscription is for at a point in time: plan and quantity.</summary>
public readonly record struct SubscriptionTerms(string PlanId, int Quantity)
{
    /// <summary>The terms in effect on <paramref name="date"/>: the start terms with every change effective on or before it applied.</summary>
    public static SubscriptionTerms At(Subscription subscription, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var terms = new SubscriptionTerms(subscription.PlanId, subscription.Quantity);
        foreach (var change in subscription.Changes)
        {
            if (change.EffectiveDate > date)
            {
                break;
            }

            terms = terms.With(change);
        }

        return terms;
    }

    public SubscriptionTerms With(SubscriptionChange change) =>
        new(change.PlanId ?? PlanId, change.Quantity ?? Quantity);
}
