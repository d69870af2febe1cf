using Billing.Core.Catalog;
using Billing.Core.Invoicing;
using Billing.Core.Subscriptions;
using Billing.Testing;

namespace Billing.Core.Tests.Invoicing;

public sealed class SubscriptionChargesTests
{
    private static readonly Dictionary<string, Plan> s_plans = new[]
    {
        BillingWorld.Plan("basic", 30m), BillingWorld.Plan("pro", 90m), BillingWorld.Plan("yearly", 1200m, interval: BillingInterval.Yearly),
    }.ToDictionary(p => p.Id);

    private static List<Charge> Charges(Subscription subscription, string asOf) =>
        SubscriptionCharges.Until(subscription, s_plans, DateOnly.Parse(asOf)).ToList();

    [Fact]
    public void Until_StartOn31st_BillsOnTheLastDayOfShorterMonths()
    {
        var charges = Charges(BillingWorld.Subscription("s", "a", "basic", 2, new(2026, 1, 31)), "2026-04-30");

        Assert.Equal(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"], charges.Select(c => c.Date.ToString("yyyy-MM-dd")));
        Assert.All(charges, c => Assert.Equal(60.00m, c.NetAmount.Amount));
        Assert.Equal(new DateOnly(2026, 3, 30), charges[1].PeriodEnd);
    }

    [Fact]
    public void Until_QuantityChangeMidPeriod_CreditsUnusedAndChargesRemaining()
    {
        // Period Feb 15 – Mar 14 has 28 days; from Mar 1, 14 remain: half.
        var subscription = BillingWorld.Subscription("s", "a", "basic", 2, new(2026, 1, 15), null,
            new SubscriptionChange { EffectiveDate = new(2026, 3, 1), Quantity = 5 });

        var charges = Charges(subscription, "2026-03-01");

        var credit = Assert.Single(charges, c => c.Kind == InvoiceLineKind.ProrationCredit);
        var charge = Assert.Single(charges, c => c.Kind == InvoiceLineKind.ProrationCharge);
        Assert.Equal((-2m, 15.00m, -30.00m), (credit.Quantity, credit.UnitPrice.Amount, credit.NetAmount.Amount));
        Assert.Equal((5m, 15.00m, 75.00m), (charge.Quantity, charge.UnitPrice.Amount, charge.NetAmount.Amount));
        Assert.Equal(new DateOnly(2026, 3, 1), credit.Date);
        Assert.Equal(new DateOnly(2026, 3, 14), credit.PeriodEnd);
    }

    [Fact]
    public void Until_PlanChangeInLeapFebruary_ProratesOver29Days()
    {
        var subscription = BillingWorld.Subscription("s", "a", "basic", 1, new(2028, 2, 1), null,
            new SubscriptionChange { EffectiveDate = new(2028, 2, 15), PlanId = "pro" });

        var charges = Charges(subscription, "2028-02-15");

        // 15 of 29 days remain: 30 × 15/29 = 15.517… → 15.52; 90 × 15/29 = 46.551… → 46.55
        Assert.Equal(-15.52m, charges.Single(c => c.Kind == InvoiceLineKind.ProrationCredit).NetAmount.Amount);
        Assert.Equal(46.55m, charges.Single(c => c.Kind == InvoiceLineKind.ProrationCharge).NetAmount.Amount);
    }

    [Fact]
    public void Until_ChangeOnPeriodStart_BillsNewTermsWithoutProration()
    {
        var subscription = BillingWorld.Subscription("s", "a", "basic", 1, new(2026, 1, 1), null,
            new SubscriptionChange { EffectiveDate = new(2026, 2, 1), PlanId = "pro", Quantity = 3 });

        var charges = Charges(subscription, "2026-02-28");

        Assert.Equal([InvoiceLineKind.Recurring, InvoiceLineKind.Recurring], charges.Select(c => c.Kind));
        Assert.Equal(270.00m, charges[1].NetAmount.Amount);
    }

    [Fact]
    public void Until_CancellationMidPeriod_CreditsTheRestAndStops()
    {
        var subscription = BillingWorld.Subscription("s", "a", "basic", 1, new(2026, 1, 1), new(2026, 2, 11));

        var charges = Charges(subscription, "2026-06-30");

        Assert.Equal(3, charges.Count);
        var credit = charges[2];
        Assert.Equal(InvoiceLineKind.ProrationCredit, credit.Kind);
        Assert.Equal(-19.29m, credit.NetAmount.Amount); // 30 × 18/28 = 19.2857
    }

    [Fact]
    public void Until_CancellationOnPeriodStart_BillsNothingForThatPeriod()
    {
        var charges = Charges(BillingWorld.Subscription("s", "a", "basic", 1, new(2026, 1, 1), new(2026, 3, 1)), "2026-06-30");

        Assert.Equal(2, charges.Count);
        Assert.All(charges, c => Assert.Equal(InvoiceLineKind.Recurring, c.Kind));
    }

    [Fact]
    public void Until_CatchUp_EqualsTheUnionOfDailyRuns()
    {
        var subscription = BillingWorld.Subscription("s", "a", "basic", 2, new(2026, 1, 31), new(2026, 9, 10),
            new SubscriptionChange { EffectiveDate = new(2026, 3, 10), Quantity = 4 },
            new SubscriptionChange { EffectiveDate = new(2026, 5, 31), PlanId = "pro" });
        var daily = new Dictionary<string, Charge>();
        for (var day = new DateOnly(2026, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            foreach (var charge in SubscriptionCharges.Until(subscription, s_plans, day))
            {
                daily.TryAdd(charge.Key, charge);
            }
        }

        var caughtUp = Charges(subscription, "2026-12-31");

        Assert.Equal(daily.Values.OrderBy(c => c.Key), caughtUp.OrderBy(c => c.Key));
    }

    [Fact]
    public void Until_PlansOfDifferentIntervals_Throws()
    {
        var subscription = BillingWorld.Subscription("s", "a", "basic", 1, new(2026, 1, 1), null,
            new SubscriptionChange { EffectiveDate = new(2026, 2, 10), PlanId = "yearly" });

        var error = Assert.Throws<InvalidOperationException>(() => Charges(subscription, "2026-03-01"));

        Assert.Contains("different billing intervals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Until_CancellationMidPeriod_CreditNamesThePeriodsRecurringCharge()
    {
        var subscription = BillingWorld.Subscription("s", "a", "basic", 1, new(2026, 1, 1), new(2026, 2, 11));

        var charges = Charges(subscription, "2026-06-30");

        var credit = Assert.Single(charges, c => c.Kind == InvoiceLineKind.ProrationCredit);
        Assert.Equal("s/p1", credit.CreditedChargeKey);
        Assert.Contains(charges, c => c.Key == "s/p1" && c.Kind == InvoiceLineKind.Recurring);
        Assert.All(charges.Where(c => c.Kind != InvoiceLineKind.ProrationCredit), c => Assert.Null(c.CreditedChargeKey));
    }

    [Fact]
    public void Until_CancellationAfterAChangeInTheSamePeriod_CreditNamesTheChangesCharge()
    {
        // Feb 1 – Feb 28: changed to 3 seats on Feb 10, cancelled on Feb 20; the 3 seats were billed by the Feb 10 charge.
        var subscription = BillingWorld.Subscription("s", "a", "basic", 1, new(2026, 1, 1), new(2026, 2, 20),
            new SubscriptionChange { EffectiveDate = new(2026, 2, 10), Quantity = 3 });

        var charges = Charges(subscription, "2026-02-28");

        var credits = charges.Where(c => c.Kind == InvoiceLineKind.ProrationCredit).OrderBy(c => c.Date).ToList();
        Assert.Equal(["s/p1", "s/p1/20260210/charge"], credits.Select(c => c.CreditedChargeKey));
        Assert.Contains(charges, c => c.Key == "s/p1/20260210/charge");
    }
}
