using Billing.Core.Dunning;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;

namespace Billing.Core.Tests.Dunning;

public sealed class DunningRunTests
{
    private static readonly DateOnly s_today = new(2026, 3, 1);

    [Fact]
    public async Task Run_InvoiceAtFirstNotice_SendsOneEmailWithPdfAndRecordsNotice()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));

        var report = await s.RunAsync(s_today);

        var item = Assert.Single(report.Notices);
        Assert.Equal((invoice.Number, 2, DunningAction.Email), (item.InvoiceNumber, item.Stage, item.Action));
        var email = Assert.Single(s.World.Email.Sent);
        Assert.Contains(invoice.Number!, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("DE89 3704 0044 0532 0130 00", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(CreditorReference.ToPrintFormat(invoice.CreditorReference!), email.TextBody, StringComparison.Ordinal);
        Assert.Contains("€119.00", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"{invoice.Number}.pdf", Assert.Single(email.Attachments).FileName);
        Assert.Equal(DunningNotice.IdFor(invoice.Id, 2), email.CustomArgs["noticeId"]);
        var notice = Assert.Single(await s.NoticesAsync(), n => n.Status == DunningNoticeStatus.Sent);
        Assert.Equal((2, email.MessageId), (notice.Stage, notice.MessageId));
        Assert.Contains($"DunningNoticeSent:{notice.Id}", s.World.Events.Events.Keys);
    }

    [Fact]
    public async Task Run_AgainAndMessageReplayed_SendsNothingNew()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.RunAsync(s_today);
        var message = new DunningNoticeMessage("alpha", s_today, [new DunningNoticeItem("inv-alpha-000001", 2)]);

        var again = await s.RunAsync(s_today);
        var replay = await s.World.Get<DunningNoticeSender>().SendAsync(message);

        Assert.Single(s.World.Email.Sent);
        Assert.Empty(again.Notices);
        Assert.Equal(DunningSkipReason.AlreadySent, Assert.Single(again.Skipped).Reason);
        Assert.Empty(replay.SentNoticeIds);
    }

    [Fact]
    public async Task Run_GroupPerAccount_OneEmailListsEveryInvoiceAtItsStage()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        await s.AddAccountAsync("beta");
        var a1 = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        var a2 = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 10));
        await s.AddInvoiceAsync("beta", new DateOnly(2026, 2, 25));

        await s.RunAsync(s_today);

        Assert.Equal(2, s.World.Email.Sent.Count);
        var alpha = Assert.Single(s.World.Email.Sent, m => m.To[0].Address == "ap@alpha.example");
        Assert.Contains(a1.Number!, alpha.TextBody, StringComparison.Ordinal);
        Assert.Contains(a2.Number!, alpha.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Second notice", alpha.Subject, StringComparison.Ordinal);
        Assert.Equal(2, alpha.Attachments.Count);
        Assert.Equal(2, alpha.CustomArgs["noticeIds"].Split(',').Length);
    }

    [Fact]
    public async Task Run_NotGrouped_OneEmailPerInvoice()
    {
        using var s = new DunningScenario(s_today, o => o.GroupPerAccount = false);
        await s.AddAccountAsync("alpha");
        await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 10));

        var report = await s.RunAsync(s_today);

        Assert.Equal(2, report.MessagesEnqueued);
        Assert.Equal(2, s.World.Email.Sent.Count);
    }

    [Fact]
    public async Task Run_AfterMissedRuns_SendsOnlyHighestStageAndRecordsLowerAsSkipped()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 10));

        var report = await s.RunAsync(s_today);

        var item = Assert.Single(report.Notices);
        Assert.Equal(3, item.Stage);
        Assert.Equal([1, 2], item.SkippedStages);
        var notices = (await s.NoticesAsync()).OrderBy(n => n.Stage).ToList();
        Assert.Equal([DunningNoticeStatus.Skipped, DunningNoticeStatus.Skipped, DunningNoticeStatus.Sent], notices.Select(n => n.Status));
        Assert.Single(s.World.Email.Sent);
        Assert.Equal(DunningNotice.IdFor(invoice.Id, 3), notices[2].Id);
    }

    [Fact]
    public async Task Run_EverySkipReason_IsReportedAndNothingIsSentForThem()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        await s.AddAccountAsync("paused");
        var due = new DateOnly(2026, 2, 25);
        var paid = await s.AddInvoiceAsync("alpha", due);
        await s.PayAsync(paid);
        var voided = await s.AddInvoiceAsync("alpha", due, status: InvoiceStatus.Void);
        var disputed = await s.AddInvoiceAsync("alpha", due);
        await s.World.Get<DunningHolds>().DisputeInvoiceAsync(disputed.Number!, "Service was down in February");
        var notYetDue = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 3, 20));
        var credit = await s.AddInvoiceAsync("alpha", due, net: -50m);
        var onPause = await s.AddInvoiceAsync("paused", due);
        await s.World.Get<DunningHolds>().PauseAccountAsync("paused");
        var sent = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 27));
        await s.RunAsync(s_today);
        s.World.Email.Sent.Clear();

        var report = await s.RunAsync(s_today);

        var reasons = report.Skipped.ToDictionary(k => k.InvoiceId, k => k.Reason);
        Assert.Equal(DunningSkipReason.Paid, reasons[paid.Id]);
        Assert.Equal(DunningSkipReason.Void, reasons[voided.Id]);
        Assert.Equal(DunningSkipReason.Disputed, reasons[disputed.Id]);
        Assert.Equal(DunningSkipReason.NotYetDue, reasons[notYetDue.Id]);
        Assert.Equal(DunningSkipReason.CreditNote, reasons[credit.Id]);
        Assert.Equal(DunningSkipReason.Paused, reasons[onPause.Id]);
        Assert.Equal(DunningSkipReason.AlreadySent, reasons[sent.Id]);
        Assert.Empty(report.Notices);
        Assert.Empty(s.World.Email.Sent);
    }

    [Fact]
    public async Task Run_StaleBankFile_BlocksWithReasonAndSendsNothing()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.IngestBankFileAsync(new DateOnly(2026, 2, 25));
        await s.IngestBankFileAsync(s_today, BankFileOutcome.Quarantined);

        var report = await s.RunAsync(s_today, ingest: false);

        Assert.True(report.Blocked);
        Assert.Contains("2026-02-25, 4 days", report.BlockedReason, StringComparison.Ordinal);
        Assert.Equal((invoice.Id, DunningSkipReason.FreshnessGuard), (Assert.Single(report.Skipped).InvoiceId, report.Skipped[0].Reason));
        Assert.Equal(0, report.MessagesEnqueued);
        Assert.Empty(s.World.Email.Sent);
    }

    [Fact]
    public async Task Run_BankFileWithinMaxAge_IsAllowed()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.IngestBankFileAsync(new DateOnly(2026, 2, 26));

        var report = await s.RunAsync(s_today, ingest: false);

        Assert.False(report.Blocked);
        Assert.Single(s.World.Email.Sent);
    }

    [Fact]
    public async Task Run_NoBankFileEver_BlocksUnlessNotRequired()
    {
        using var required = new DunningScenario(s_today);
        using var optional = new DunningScenario(s_today, o => o.RequireBankFile = false);
        foreach (var s in new[] { required, optional })
        {
            await s.AddAccountAsync("alpha");
            await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        }

        var blocked = await required.RunAsync(s_today, ingest: false);
        var allowed = await optional.RunAsync(s_today, ingest: false);

        Assert.Contains("No bank file was ever ingested", blocked.BlockedReason, StringComparison.Ordinal);
        Assert.Empty(required.World.Email.Sent);
        Assert.False(allowed.Blocked);
        Assert.Single(optional.World.Email.Sent);
    }

    [Fact]
    public async Task DryRun_ReportsWhatWouldBeSentAndEnqueuesNothing()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.IngestBankFileAsync(s_today);

        var report = await s.World.Get<DunningScheduler>().ScheduleAsync(s_today, dryRun: true);

        Assert.True(report.DryRun);
        Assert.Single(report.Notices);
        Assert.Empty(s.World.Queue.Messages);
        Assert.Empty(await s.NoticesAsync());
    }

    [Fact]
    public async Task Send_InvoicePaidAfterTheRun_SendsNothing()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.IngestBankFileAsync(s_today);
        await s.World.Get<DunningScheduler>().ScheduleAsync(s_today);

        await s.PayAsync(invoice);
        await s.World.DrainAsync();

        Assert.Empty(s.World.Email.Sent);
        Assert.DoesNotContain(await s.NoticesAsync(), n => n.Status == DunningNoticeStatus.Sent);
    }

    [Fact]
    public async Task Send_CrashAfterEmailBeforeItIsRecordedSent_RetrySendsAgainWithSameMessageIdThenNeverAgain()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.IngestBankFileAsync(s_today);
        var message = new DunningNoticeMessage("alpha", s_today, [new DunningNoticeItem(invoice.Id, 2)]);
        var sender = s.World.Get<DunningNoticeSender>();
        s.World.Store.BeforeReplace = key => key.Id.StartsWith("dunning-", StringComparison.Ordinal) ? throw new IOException("crash") : Task.CompletedTask;

        await Assert.ThrowsAsync<IOException>(() => sender.SendAsync(message));
        var claimed = Assert.Single(await s.NoticesAsync(), n => n.Stage == 2);
        s.World.Store.BeforeReplace = null;
        await sender.SendAsync(message);
        await sender.SendAsync(message);

        Assert.Equal(DunningNoticeStatus.Claimed, claimed.Status);
        Assert.Equal(2, s.World.Email.Sent.Count);
        Assert.Single(s.World.Email.Sent.Select(m => m.MessageId).Distinct());
        Assert.Equal(DunningNoticeStatus.Sent, Assert.Single(await s.NoticesAsync(), n => n.Stage == 2).Status);
    }

    [Fact]
    public async Task Send_NoticeClaimedByAnotherBatch_WaitsUntilTheClaimIsStale()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.IngestBankFileAsync(s_today);
        var sender = s.World.Get<DunningNoticeSender>();
        s.World.Email.FailWith = _ => new IOException("provider down");
        await Assert.ThrowsAsync<IOException>(() => sender.SendAsync(new DunningNoticeMessage("alpha", s_today, [new(invoice.Id, 2)])));
        s.World.Email.FailWith = null;
        var nextDay = new DunningNoticeMessage("alpha", s_today.AddDays(1), [new(invoice.Id, 2)]);

        var early = await sender.SendAsync(nextDay);
        s.World.Clock.Advance(TimeSpan.FromHours(1));
        var late = await sender.SendAsync(nextDay);

        Assert.Equal(DunningSkipReason.InFlight, Assert.Single(early.Skipped).Reason);
        Assert.Single(late.SentNoticeIds);
        Assert.Single(s.World.Email.Sent);
    }

    [Fact]
    public async Task Send_GermanAccountWithSendGridTemplate_RendersGermanAndCarriesTemplateId()
    {
        using var s = new DunningScenario(s_today, o => o.Policies["default"].Stages[1].SendGridTemplates["de"] = "d-123");
        await s.AddAccountAsync("kunde", language: "de");
        var invoice = await s.AddInvoiceAsync("kunde", new DateOnly(2026, 2, 25));

        await s.RunAsync(s_today);

        var email = Assert.Single(s.World.Email.Sent);
        Assert.StartsWith("Überfällige Rechnungen", email.Subject, StringComparison.Ordinal);
        Assert.Contains("25.02.2026", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("d-123", email.TemplateId);
        var rows = Assert.IsAssignableFrom<IEnumerable<Dictionary<string, object?>>>(email.TemplateData!["invoices"]);
        Assert.Equal(invoice.Number, Assert.Single(rows)["number"]);
    }

    [Fact]
    public async Task Holds_ResolveAndResume_DunningContinuesAtReachedStage()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        await s.AddAccountAsync("beta");
        var disputed = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 25));
        await s.AddInvoiceAsync("beta", new DateOnly(2026, 2, 25));
        var holds = s.World.Get<DunningHolds>();
        await holds.DisputeInvoiceAsync(disputed.Number!, "wrong quantity");
        await holds.PauseAccountAsync("beta", until: new DateOnly(2026, 3, 2));
        await s.RunAsync(s_today);
        Assert.Empty(s.World.Email.Sent);

        await holds.ResolveDisputeAsync(disputed.Number!);
        var report = await s.RunAsync(new DateOnly(2026, 3, 3));

        Assert.Equal(["alpha", "beta"], report.Notices.Select(n => n.AccountId).Order());
        Assert.Equal(2, s.World.Email.Sent.Count);
        Assert.False(await holds.ResumeAccountAsync("alpha"));
        await Assert.ThrowsAsync<InvoiceNotFoundException>(() => holds.DisputeInvoiceAsync("INV-1999-000001", "?"));
    }

    [Fact]
    public async Task Query_ListsSentNoticesWithNumberStageAndMessageId()
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("alpha");
        var invoice = await s.AddInvoiceAsync("alpha", new DateOnly(2026, 2, 10));
        await s.RunAsync(s_today);

        var sent = await s.World.Get<DunningNoticeQuery>().ListAsync();
        var all = await s.World.Get<DunningNoticeQuery>().ListAsync("alpha", includeUnsent: true);

        var view = Assert.Single(sent);
        Assert.Equal((invoice.Number, "alpha", 3), (view.InvoiceNumber, view.AccountId, view.Stage));
        Assert.Equal(s.World.Email.Sent.Single().MessageId, view.MessageId);
        Assert.NotNull(view.SentAt);
        Assert.Equal(3, all.Count);
    }

    [Theory]
    [InlineData("en", "Invoices handed over to collections by", "€307.02", "7 Feb 2026", "€5.00")]
    [InlineData("de", "Übergabe an das Inkasso durch", "307,02 €", "07.02.2026", "5,00 €")]
    public async Task Run_GroupedEmailOverThreeStages_DescribesEachInvoiceOnlyByItsOwnStage(string language, string subject, string amount, string date, string fee)
    {
        using var s = new DunningScenario(s_today);
        await s.AddAccountAsync("kunde", language);
        var collections = await s.AddInvoiceAsync("kunde", new DateOnly(2026, 1, 10));
        var final = await s.AddInvoiceAsync("kunde", new DateOnly(2026, 1, 25));
        var second = await s.AddInvoiceAsync("kunde", new DateOnly(2026, 2, 7), net: 258m);
        var stageOf = new Dictionary<string, string>
        {
            [collections.Number!] = DunningTemplates.Collections, [final.Number!] = DunningTemplates.FinalNotice, [second.Number!] = DunningTemplates.SecondNotice,
        };

        await s.RunAsync(s_today);

        var email = Assert.Single(s.World.Email.Sent);
        Assert.StartsWith(subject, email.Subject, StringComparison.Ordinal);
        var sections = DunningScenario.SectionsOf(email.TextBody, language);
        Assert.Equal([DunningTemplates.Collections, DunningTemplates.FinalNotice, DunningTemplates.SecondNotice], sections.Keys);
        foreach (var (number, template) in stageOf)
        {
            Assert.Equal([template], sections.Where(x => x.Value.Contains(number, StringComparison.Ordinal)).Select(x => x.Key));
        }

        foreach (var template in sections.Keys)
        {
            var lead = DunningTemplates.Text(template, language).Lead;
            Assert.Equal([template], sections.Where(x => x.Value.Contains(lead, StringComparison.Ordinal)).Select(x => x.Key));
        }

        Assert.Equal([DunningTemplates.FinalNotice], sections.Where(x => x.Value.Contains(fee, StringComparison.Ordinal)).Select(x => x.Key));
        Assert.Contains(amount, sections[DunningTemplates.SecondNotice], StringComparison.Ordinal);
        Assert.Contains(date, sections[DunningTemplates.SecondNotice], StringComparison.Ordinal);
        Assert.Contains("DE89 3704 0044 0532 0130 00", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Uncollectible, (await s.ReloadAsync(collections)).Status);
        Assert.Equal([InvoiceStatus.Open, InvoiceStatus.Open], [(await s.ReloadAsync(final)).Status, (await s.ReloadAsync(second)).Status]);

        var data = Assert.IsAssignableFrom<IEnumerable<Dictionary<string, object?>>>(email.TemplateData!["sections"]).ToList();
        Assert.Equal([5, 4, 3], data.Select(d => (int)d["stage"]!));
        Assert.Equal(["collections", "lateFee", "email"], data.Select(d => (string)d["action"]!));
        Assert.Equal([collections.Number, final.Number, second.Number], data.Select(d =>
            string.Join(",", Assert.IsAssignableFrom<IEnumerable<Dictionary<string, object?>>>(d["invoices"]).Select(i => (string?)i["number"]))));
        Assert.Equal(fee, Assert.Single(Assert.IsAssignableFrom<IEnumerable<Dictionary<string, object?>>>(data[1]["invoices"]))["lateFee"]);
    }
}
