using Billing.Core.Catalog;
using Billing.Core.Subscriptions;

namespace Billing.Core.Invoicing;

/// <summary>
/// The charges a subscription has produced up to a date. Each period is billed in advance on its first
/// day under the terms in effect that day. A change of plan or quantity inside a period adds, on the day it
/// takes effect, a credit for the unused part of the old terms and a charge for the same part of the new
/// ones (<see cref="Proration"/>); a cancellation adds the credit only. The result depends only on the
/// subscription, not on when the billing run happens, so catching up after missed days bills exactly what
/// daily runs would have. A suspended subscription (<see cref="Subscription.SuspendedFrom"/>) bills no
/// period that starts on or after its suspension. All plans of one subscription must share a billing interval.
/// </summary>
public static class SubscriptionCharges
{
    public static IEnumerable<Charge> Until(Subscription subscription, IReadOnlyDictionary<string, Plan> plans, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(plans);
        var interval = IntervalOf(subscription, plans);
        var end = subscription.EndDate ?? DateOnly.MaxValue;
        for (var index = 0; ; index++)
        {
            var period = BillingPeriod.Of(subscription.StartDate, interval, index);
            if (period.Start > asOf || period.Start >= end || period.Start >= subscription.SuspendedFrom)
            {
                yield break;
            }

            var terms = SubscriptionTerms.At(subscription, period.Start);
            yield return Recurring(subscription, PlanOf(plans, terms.PlanId, subscription), terms, period);

            foreach (var change in subscription.Changes.GroupBy(c => c.EffectiveDate))
            {
                var day = change.Key;
                if (day <= period.Start || day >= period.End || day > asOf || day >= end)
                {
                    continue;
                }

                var before = SubscriptionTerms.At(subscription, day.AddDays(-1));
                var after = SubscriptionTerms.At(subscription, day);
                yield return Prorated(subscription, plans, before, period, day, InvoiceLineKind.ProrationCredit);
                yield return Prorated(subscription, plans, after, period, day, InvoiceLineKind.ProrationCharge);
            }

            if (subscription.EndDate is { } cancelled && cancelled > period.Start && cancelled < period.End && cancelled <= asOf)
            {
                var before = SubscriptionTerms.At(subscription, cancelled.AddDays(-1));
                yield return Prorated(subscription, plans, before, period, cancelled, InvoiceLineKind.ProrationCredit);
            }
        }
    }

    private static Charge Recurring(Subscription subscription, Plan plan, SubscriptionTerms terms, BillingPeriod period) => new()
    {
        Key = $"{subscription.Id}/p{period.Index}",
        Date = period.Start,
        Kind = InvoiceLineKind.Recurring,
        Description = plan.Name,
        PeriodStart = period.Start,
        PeriodEnd = period.LastDay,
        Quantity = terms.Quantity,
        UnitPrice = plan.UnitPrice.Round(),
        SubscriptionId = subscription.Id,
        PlanId = plan.Id,
    };

    private static Charge Prorated(
        Subscription subscription, IReadOnlyDictionary<string, Plan> plans, SubscriptionTerms terms, BillingPeriod period, DateOnly from, InvoiceLineKind kind)
    {
        var plan = PlanOf(plans, terms.PlanId, subscription);
        var fraction = Proration.RemainingFraction(period.Start, period.End, from);
        var credit = kind == InvoiceLineKind.ProrationCredit;
        return new Charge
        {
            Key = $"{subscription.Id}/p{period.Index}/{from:yyyyMMdd}/{(credit ? "credit" : "charge")}",
            Date = from,
            Kind = kind,
            Description = credit ? $"Unused time on {plan.Name}" : $"Remaining time on {plan.Name}",
            PeriodStart = from,
            PeriodEnd = period.LastDay,
            Quantity = credit ? -terms.Quantity : terms.Quantity,
            UnitPrice = (plan.UnitPrice * fraction).Round(),
            SubscriptionId = subscription.Id,
            PlanId = plan.Id,
            CreditedChargeKey = credit ? BilledBy(subscription, period, from) : null,
        };
    }

    /// <summary>
    /// The key of the charge that billed the terms a credit starting on <paramref name="from"/> gives back: the last
    /// change inside the period before that day (its proration charge), else the period's recurring charge.
    /// </summary>
    private static string BilledBy(Subscription subscription, BillingPeriod period, DateOnly from)
    {
        var last = subscription.Changes.Select(c => c.EffectiveDate).Where(d => d > period.Start && d < from).DefaultIfEmpty().Max();
        return last == default ? $"{subscription.Id}/p{period.Index}" : $"{subscription.Id}/p{period.Index}/{last:yyyyMMdd}/charge";
    }

    private static int IntervalOf(Subscription subscription, IReadOnlyDictionary<string, Plan> plans)
    {
        var intervals = subscription.Changes.Select(c => c.PlanId).OfType<string>().Prepend(subscription.PlanId)
            .Select(id => PlanOf(plans, id, subscription).Interval).Distinct().ToList();
        return intervals.Count == 1
            ? (int)intervals[0]
            : throw new InvalidOperationException($"Subscription {subscription.Id} changes between plans of different billing intervals; end it and start a new subscription instead.");
    }

    private static Plan PlanOf(IReadOnlyDictionary<string, Plan> plans, string planId, Subscription subscription) =>
        plans.TryGetValue(planId, out var plan)
            ? plan
            : throw new InvalidOperationException($"Subscription {subscription.Id} refers to plan '{planId}', which does not exist.");
}
