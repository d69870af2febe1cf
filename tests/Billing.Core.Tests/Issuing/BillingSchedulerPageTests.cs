using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Core.Tests.Issuing;

/// <summary>The daily billing fan-out in bounded pages (<see cref="BillingScheduler.SchedulePageAsync"/>).</summary>
public sealed class BillingSchedulerPageTests
{
    private static readonly DateOnly s_day = new(2026, 1, 10);
    private static readonly string[] s_accounts = ["acc-a", "acc-b", "acc-c", "acc-d", "acc-e"];

    [Fact]
    public async Task Schedule_PagesOfTwo_EnqueuesTwoAccountsAndTheNextPage_AndTheDrainBillsEveryAccount()
    {
        using var world = await WorldAsync(pageSize: 2);

        var enqueued = await world.Get<BillingScheduler>().ScheduleAsync(s_day);

        Assert.Equal(2, enqueued);
        Assert.Equal(["acc-a", "acc-b"], world.Queue.Of<BillAccountMessage>("bill-account").Select(m => m.AccountId));
        var next = Assert.Single(world.Queue.Of<SchedulePageMessage>("schedule-billing-page"));
        Assert.Equal((s_day, "acc-b"), (next.Date, next.AfterPartitionKey));
        await world.DrainAsync();
        Assert.Equal(s_accounts, (await world.InvoicesAsync()).Select(i => i.AccountId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SchedulePage_TheSameMessageTwice_EnqueuesTheSameAccountsAndNextPage()
    {
        using var world = await WorldAsync(pageSize: 2);
        var scheduler = world.Get<BillingScheduler>();
        var after = new DocumentCursor(Core.Invoicing.InvoiceQueries.Wire(DateOnly.MinValue), "acc-b", AccountBillingState.DocumentId);

        await scheduler.SchedulePageAsync(s_day, after);
        var first = world.Queue.Messages.ToList();
        world.Queue.Messages.Clear();
        await scheduler.SchedulePageAsync(s_day, after);

        Assert.Equal(first, world.Queue.Messages.ToList());
        Assert.Equal(["acc-c", "acc-d"], first.Where(m => m.Queue == "bill-account").Select(m => Serialization.BillingJson.Deserialize<BillAccountMessage>(m.Json).AccountId));
    }

    [Fact]
    public async Task Schedule_AccountsNotDue_AreNotRead_AndTheLastPageEnqueuesNoNextPage()
    {
        using var world = await WorldAsync(pageSize: 10);
        await world.RunDayAsync(s_day);
        world.Queue.Messages.Clear();

        var enqueued = await world.Get<BillingScheduler>().ScheduleAsync(s_day.AddDays(1));

        Assert.Equal(0, enqueued);
        Assert.Empty(world.Queue.Messages);
    }

    private static async Task<BillingWorld> WorldAsync(int pageSize)
    {
        var world = new BillingWorld(s_day, services => services.PostConfigure<SchedulePageOptions>(o => o.BillingPageSize = pageSize));
        await world.ImportAsync(
            [BillingWorld.Plan("basic", 30m)],
            [.. s_accounts.Select(id => new Core.Accounts.ImportedAccount { Account = BillingWorld.Account(id), Subscriptions = [BillingWorld.Subscription($"{id}-1", id, "basic", 1, s_day)] })]);
        return world;
    }
}
