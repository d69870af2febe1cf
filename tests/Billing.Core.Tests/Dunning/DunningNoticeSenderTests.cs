using Billing.Core.Dunning;
using Billing.Core.Invoicing;

namespace Billing.Core.Tests.Dunning;

/// <summary>Exactly one email per grouped email and per (invoice, stage), whatever crashed in between.</summary>
public sealed class DunningNoticeSenderTests
{
    private static readonly DateOnly s_today = new(2026, 3, 1);

    [Fact]
    public async Task SendAsync_OneNoticeSetBackToClaimedAfterItsGroupedEmail_SendsNoSecondEmail()
    {
        using var s = new DunningScenario(s_today);
        var (message, first, _) = await TwoInvoicesAsync(s);
        await s.World.Get<DunningNoticeSender>().SendAsync(message);
        var sent = Assert.Single(s.World.Email.Sent);
        var id = DunningNotice.IdFor(first.Id, 2);
        var notice = (await s.Store.ReadAsync<DunningNotice>("alpha", id))!;
        await s.Store.ReplaceAsync("alpha", id, notice.Value with
        {
            Status = DunningNoticeStatus.Claimed, SentAt = null, MessageId = null, ProviderMessageId = null, ActionCompletedAt = null,
        }, notice.ETag);

        await s.World.Get<DunningNoticeSender>().SendAsync(message);

        Assert.Same(sent, Assert.Single(s.World.Email.Sent));
        var after = (await s.Store.ReadAsync<DunningNotice>("alpha", id))!.Value;
        Assert.Equal((DunningNoticeStatus.Sent, sent.MessageId), (after.Status, after.MessageId));
    }

    [Fact]
    public async Task SendAsync_CrashWhileMarkingTheNoticesSent_RerunSendsNoSecondEmail()
    {
        using var s = new DunningScenario(s_today);
        var (message, _, _) = await TwoInvoicesAsync(s);
        var sender = s.World.Get<DunningNoticeSender>();
        var marked = 0;
        s.World.Store.BeforeReplace = key =>
            key.Id.StartsWith("notice-", StringComparison.Ordinal) && ++marked == 2 ? throw new IOException("killed") : Task.CompletedTask;

        await Assert.ThrowsAsync<IOException>(() => sender.SendAsync(message));
        s.World.Store.BeforeReplace = null;
        await sender.SendAsync(message);

        Assert.Single(s.World.Email.Sent.Select(m => m.MessageId).Distinct());
        var notices = (await s.NoticesAsync()).Where(n => n.Status == DunningNoticeStatus.Sent).ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(s.World.Email.Sent.First().MessageId, n.MessageId));
    }

    [Fact]
    public async Task SendAsync_OwnerDiedAfterSendingAndItsLeaseExpired_NextRunCompletesItWithoutSendingAgain()
    {
        using var s = new DunningScenario(s_today);
        var (message, first, second) = await TwoInvoicesAsync(s);
        var sender = s.World.Get<DunningNoticeSender>();
        s.World.Store.BeforeReplace = key => key.Id.StartsWith("notice-", StringComparison.Ordinal) ? throw new IOException("killed") : Task.CompletedTask;
        await Assert.ThrowsAsync<IOException>(() => sender.SendAsync(message));
        s.World.Store.BeforeReplace = null;
        var nextDay = s_today.AddDays(1);
        s.World.Clock.Advance(TimeSpan.FromDays(1));
        await s.IngestBankFileAsync(nextDay);

        await sender.SendAsync(new DunningNoticeMessage("alpha", nextDay, [new(first.Id, 2), new(second.Id, 3)]));

        Assert.Single(s.World.Email.Sent.Select(m => m.MessageId).Distinct());
        var original = s.World.Email.Sent.First().MessageId;
        Assert.All(await s.NoticesAsync(), n => Assert.True(n.Status == DunningNoticeStatus.Skipped || n.MessageId == original, $"{n.Id}: {n.Status} {n.MessageId}"));
        Assert.Equal(2, (await s.NoticesAsync()).Count(n => n.Status == DunningNoticeStatus.Sent));
    }

    [Fact]
    public async Task SendAsync_ClaimOfAnotherLiveSender_IsLeftAloneUntilItsLeaseExpires()
    {
        using var s = new DunningScenario(s_today);
        var (message, first, second) = await TwoInvoicesAsync(s);
        var sender = s.World.Get<DunningNoticeSender>();
        s.World.Email.FailWith = _ => new IOException("provider down");
        await Assert.ThrowsAsync<IOException>(() => sender.SendAsync(message));
        s.World.Email.FailWith = null;
        var nextDay = new DunningNoticeMessage("alpha", s_today.AddDays(1), [new(first.Id, 2), new(second.Id, 3)]);

        var early = await sender.SendAsync(nextDay);
        s.World.Clock.Advance(TimeSpan.FromHours(1));
        var late = await sender.SendAsync(nextDay);

        Assert.All(early.Skipped, k => Assert.Equal(DunningSkipReason.InFlight, k.Reason));
        Assert.Equal(2, late.SentNoticeIds.Count);
        Assert.Single(s.World.Email.Sent);
    }

    private static async Task<(DunningNoticeMessage Message, Invoice First, Invoice Second)> TwoInvoicesAsync(DunningScenario s)
    {
        await s.AddAccountAsync("alpha");
        var first = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        var second = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 10));
        await s.IngestBankFileAsync(s_today);
        return (new DunningNoticeMessage("alpha", s_today, [new(first.Id, 2), new(second.Id, 3)]), first, second);
    }
}
