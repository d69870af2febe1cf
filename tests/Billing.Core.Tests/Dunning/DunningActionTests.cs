using Billing.Core.Catalog;
using Billing.Core.Delivery;
using Billing.Core.Dunning;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Monetary;
using Billing.Core.Subscriptions;
using Billing.Testing;

namespace Billing.Core.Tests.Dunning;

public sealed class DunningActionTests
{
    private static readonly DateOnly s_today = new(2026, 3, 1);

    [Fact]
    public async Task LateFee_NextInvoice_CreatesOneOffChargeOnTheNextChargeDate()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        await s.Store.TryCreateAsync("alpha", AccountBillingState.DocumentId, new AccountBillingState { AccountId = "alpha", NextChargeDate = new DateOnly(2026, 3, 15) });
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 1, 30));

        await s.RunAsync(s_today);
        await s.RunAsync(s_today);

        var charge = (await s.Store.ReadAsync<OneOffCharge>("alpha", $"latefee-{invoice.Id}-4"))!.Value;
        Assert.Equal((new DateOnly(2026, 3, 15), Money.Of(5m, "EUR")), (charge.Date, charge.UnitPrice));
        Assert.Contains("late fee of €5.00", Assert.Single(s.World.Email.Sent).TextBody, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await s.NoticesAsync(), n => n.Stage == 4).ActionCompletedAt);
    }

    [Fact]
    public async Task LateFee_SeparateInvoice_IssuesAndEmailsAFeeInvoiceOnce()
    {
        using var s = new DunningScenario(s_today, o => o.Policies["default"].Stages[3].LateFee!.Billing = LateFeeBilling.SeparateInvoice);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 1, 30));

        await s.RunAsync(s_today);
        await s.RunAsync(s_today);

        var fee = (await s.Store.ReadAsync<Invoice>("alpha", $"{invoice.Id}-fee4"))!.Value;
        Assert.Equal(InvoiceStatus.Open, fee.Status);
        Assert.NotNull(fee.Number);
        Assert.Equal(InvoiceLineKind.LateFee, Assert.Single(fee.Lines).Kind);
        Assert.Equal(5m, fee.NetTotal.Amount);
        Assert.Single(s.World.Email.Sent, m => m.MessageId == InvoiceEmailComposer.MessageIdOf(fee));
        Assert.Null(DunningActionRunner.LateFeeFor(fee, DunningPolicy.Default().StageAt(4)));
    }

    [Fact]
    public async Task Suspend_SetsSuspendedFromAndLaterPeriodsAreNotBilled()
    {
        using var s = new DunningScenario(s_today, o => o.Policies["strict"] = new DunningPolicy
        {
            Stages = [new() { Day = 7, Template = DunningTemplates.FinalNotice, Action = DunningAction.Suspend }],
        });
        await s.AddAccountAsync("alpha", policy: "strict");
        var plan = BillingWorld.Plan("basic", 30m);
        await s.Store.TryCreateAsync(Storage.Containers.CatalogPartition, plan.Id, plan);
        await s.Store.TryCreateAsync("alpha", "alpha-1", BillingWorld.Subscription("alpha-1", "alpha", "basic", 1, new DateOnly(2026, 1, 5)));
        await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 20));

        await s.RunAsync(s_today);

        var subscription = (await s.Store.ReadAsync<Subscription>("alpha", "alpha-1"))!.Value;
        Assert.Equal(s_today, subscription.SuspendedFrom);
        var charges = SubscriptionCharges.Until(subscription, new Dictionary<string, Plan> { ["basic"] = plan }, new DateOnly(2026, 6, 30)).ToList();
        Assert.Equal([new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 5)], charges.Select(c => c.Date));
    }

    [Fact]
    public async Task Collections_MarksInvoiceUncollectiblePublishesEventAndStopsDunning()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 1, 15));

        var first = await s.RunAsync(s_today);
        var later = await s.RunAsync(s_today.AddDays(1));

        Assert.Equal(DunningAction.Collections, Assert.Single(first.Notices).Action);
        Assert.Equal(InvoiceStatus.Uncollectible, (await s.ReloadAsync(invoice)).Status);
        Assert.Equal(EventTypes.InvoiceUncollectible, s.World.Events.Events[$"InvoiceUncollectible:{invoice.Id}"].Type);
        Assert.Empty(later.Notices);
        Assert.Single(s.World.Email.Sent);
    }
}
