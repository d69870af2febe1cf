using Billing.Core.Dunning;
using Billing.Core.Messaging;

namespace Billing.Core.Tests.Dunning;

/// <summary>The timer's dunning fan-out in bounded pages (<see cref="DunningScheduler.SchedulePageAsync"/>).</summary>
public sealed class DunningSchedulerPageTests
{
    private static readonly DateOnly s_today = new(2026, 3, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SchedulePage_SmallPages_EmailEveryAccountOnce_WithEveryNoticeTheWholeRunDecides(int pageSize)
    {
        using var s = new DunningScenario(s_today, pageSize: pageSize);
        foreach (var (account, invoices) in new[] { ("alpha", 3), ("beta", 1), ("gamma", 2), ("delta", 1) })
        {
            await s.AddAccountAsync(account);
            for (var i = 0; i < invoices; i++)
            {
                await s.AddInvoiceAsync(account, s_today.AddDays(-2 - (10 * i)));
            }
        }

        await s.IngestBankFileAsync(s_today);
        var whole = await s.World.Get<DunningScheduler>().ScheduleAsync(s_today, dryRun: true);

        await s.World.Get<DunningScheduler>().SchedulePageAsync(s_today, after: null);
        await s.World.DrainAsync();

        Assert.Equal(4, s.World.Email.Sent.Count);
        Assert.Equal(["alpha", "beta", "delta", "gamma"], s.World.Email.Sent.Select(e => e.CustomArgs["accountId"]).Order(StringComparer.Ordinal));
        var sent = (await s.NoticesAsync()).Where(n => n.Status == DunningNoticeStatus.Sent).Select(n => (n.InvoiceId, n.Stage)).Order();
        Assert.Equal(whole.Notices.Select(n => (n.InvoiceId, n.Stage)).Order(), sent);
    }

    [Fact]
    public async Task SchedulePage_TheSamePageTwice_EnqueuesTheSameMessages()
    {
        using var s = new DunningScenario(s_today, pageSize: 2);
        foreach (var account in new[] { "alpha", "beta", "gamma" })
        {
            await s.AddAccountAsync(account);
            await s.AddInvoiceAsync(account, s_today.AddDays(-5));
        }

        await s.IngestBankFileAsync(s_today);
        var scheduler = s.World.Get<DunningScheduler>();

        await scheduler.SchedulePageAsync(s_today, after: null);
        var first = s.World.Queue.Messages.ToList();
        s.World.Queue.Messages.Clear();
        await scheduler.SchedulePageAsync(s_today, after: null);

        Assert.Equal(first, s.World.Queue.Messages.ToList());
        var next = QueueMessageParser.SchedulePage(Assert.Single(first, m => m.Queue == "schedule-dunning-page").Json, "schedule-dunning-page");
        Assert.Equal((s_today, "alpha"), (next.Date, next.AfterPartitionKey));
    }
}
