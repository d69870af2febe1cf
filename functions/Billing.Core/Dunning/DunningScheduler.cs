using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Dunning;

/// <summary>
/// The daily dunning fan-out (<c>ScheduleDunning</c>). For every chaseable invoice it finds the highest stage its
/// policy has reached on the run date; when that stage (or a higher one) was not sent yet, it enqueues a
/// <see cref="DunningNoticeMessage"/>, one per account (grouping, the default) or one per invoice. A missed run
/// therefore sends only the highest stage reached, never a burst of every stage in between; the sender records
/// the stages passed over as <see cref="DunningNoticeStatus.Skipped"/>. The scheduler writes no document: a dry
/// run and a real one decide the same, and enqueuing twice is harmless because notices are keyed by (invoice, stage).
/// When <see cref="BankFileFreshnessGuard"/> objects, nothing is enqueued and every would-be notice is reported
/// as skipped by the guard.
/// </summary>
public sealed partial class DunningScheduler(
    IDocumentStore store,
    IWorkQueue queue,
    BankFileFreshnessGuard guard,
    IOptions<DunningOptions> options,
    IOptions<QueueOptions> queues,
    ILogger<DunningScheduler> logger)
{
    public async Task<DunningRunReport> ScheduleAsync(DateOnly runDate, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var blocked = await guard.BlockingReasonAsync(runDate, cancellationToken);
        var accounts = new Dictionary<string, Account>(StringComparer.Ordinal);
        await foreach (var account in store.QueryAllAsync<Account>(cancellationToken))
        {
            accounts[account.Value.Id] = account.Value;
        }

        var pauses = new Dictionary<string, DunningPause>(StringComparer.Ordinal);
        await foreach (var pause in store.QueryAllAsync<DunningPause>(cancellationToken))
        {
            pauses[pause.Value.AccountId] = pause.Value;
        }

        var handled = await HandledStagesAsync(cancellationToken);
        var notices = new List<DunningRunItem>();
        var skipped = new List<DunningRunSkip>();
        await foreach (var stored in store.QueryAllAsync<Invoice>(cancellationToken))
        {
            var invoice = stored.Value;
            var decision = Decide(invoice, accounts.GetValueOrDefault(invoice.AccountId), pauses.GetValueOrDefault(invoice.AccountId), handled.GetValueOrDefault(invoice.Id), runDate);
            switch (decision)
            {
                case DunningDecision.Send { Notice: var notice } when blocked is null:
                    notices.Add(notice);
                    break;
                case DunningDecision.Send { Notice: var notice }:
                    skipped.Add(new(invoice.Id, invoice.Number, invoice.AccountId, DunningSkipReason.FreshnessGuard, notice.Stage, blocked));
                    break;
                case DunningDecision.Skip { Reason: var skip }:
                    skipped.Add(skip);
                    break;
            }
        }

        var enqueued = blocked is null && !dryRun ? await EnqueueAsync(notices, runDate, cancellationToken) : 0;
        if (blocked is not null)
        {
            LogBlocked(runDate, blocked);
        }

        LogScheduled(runDate, dryRun, notices.Count, skipped.Count, enqueued);
        return new DunningRunReport(runDate, dryRun, blocked, notices, skipped, enqueued);
    }

    /// <summary>What one run does with one invoice: a notice to send, a reported skip, or (closed invoices whose ladder is over) nothing.</summary>
    public DunningDecision Decide(Invoice invoice, Account? account, DunningPause? pause, int handledStage, DateOnly runDate)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        DunningDecision SkipFor(DunningSkipReason reason, int? stage = null, string? detail = null) =>
            new DunningDecision.Skip(new(invoice.Id, invoice.Number, invoice.AccountId, reason, stage, detail));
        DunningDecision SkipIfOpen(DunningSkipReason reason, string? detail = null) =>
            invoice.Status == InvoiceStatus.Open ? SkipFor(reason, detail: detail) : DunningDecision.Ignore.Instance;

        if (account is null)
        {
            return SkipIfOpen(DunningSkipReason.AccountMissing);
        }

        var policy = options.Value.PolicyNamed(account.DunningPolicy);
        if (policy is null)
        {
            return SkipIfOpen(DunningSkipReason.UnknownPolicy, account.DunningPolicy);
        }

        var reached = policy.ReachedStage(invoice.DueDate, runDate);
        var ineligible = DunningEligibility.Check(invoice, pause, runDate);
        if (ineligible is not null || invoice.Number is not { } number)
        {
            var closed = invoice.Status is not InvoiceStatus.Open and not InvoiceStatus.Draft;
            var ladderRunning = reached >= 1 && runDate <= policy.StageDate(invoice.DueDate, policy.Stages.Count);
            return !closed || ladderRunning
                ? SkipFor(ineligible ?? DunningSkipReason.NotIssued, reached == 0 ? null : reached)
                : DunningDecision.Ignore.Instance;
        }

        if (reached == 0)
        {
            return SkipFor(DunningSkipReason.NotYetDue, detail: $"stage 1 on {policy.StageDate(invoice.DueDate, 1):yyyy-MM-dd}");
        }

        if (handledStage >= reached)
        {
            return SkipFor(DunningSkipReason.AlreadySent, reached);
        }

        var stage = policy.StageAt(reached);
        var lower = Enumerable.Range(handledStage + 1, reached - handledStage - 1).ToList();
        return new DunningDecision.Send(new DunningRunItem(
            invoice.Id, number, invoice.AccountId, account.DunningPolicy, reached, stage.Template, stage.Action,
            invoice.AmountDue, invoice.DueDate, runDate.DayNumber - invoice.DueDate.DayNumber, lower));
    }

    /// <summary>Per invoice, the highest stage already sent or passed over.</summary>
    private async Task<Dictionary<string, int>> HandledStagesAsync(CancellationToken cancellationToken)
    {
        var handled = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var notice in store.QueryAllAsync<DunningNotice>(cancellationToken))
        {
            var value = notice.Value;
            if (value.Status is DunningNoticeStatus.Sent or DunningNoticeStatus.Skipped && value.Stage > handled.GetValueOrDefault(value.InvoiceId))
            {
                handled[value.InvoiceId] = value.Stage;
            }
        }

        return handled;
    }

    private async Task<int> EnqueueAsync(List<DunningRunItem> notices, DateOnly runDate, CancellationToken cancellationToken)
    {
        var queueName = queues.Value.DunningNotice;
        var messages = options.Value.GroupPerAccount
            ? notices.GroupBy(n => n.AccountId, StringComparer.Ordinal)
                .Select(g => new DunningNoticeMessage(g.Key, runDate, g.Select(n => new DunningNoticeItem(n.InvoiceId, n.Stage)).ToList()))
            : notices.Select(n => new DunningNoticeMessage(n.AccountId, runDate, [new DunningNoticeItem(n.InvoiceId, n.Stage)]));
        var count = 0;
        foreach (var message in messages)
        {
            await queue.EnqueueAsync(queueName, message, cancellationToken);
            count++;
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dunning {RunDate} blocked by the freshness guard: {Reason}")]
    private partial void LogBlocked(DateOnly runDate, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning {RunDate} (dry run {DryRun}): {NoticeCount} notices, {SkippedCount} skipped, {MessageCount} messages enqueued")]
    private partial void LogScheduled(DateOnly runDate, bool dryRun, int noticeCount, int skippedCount, int messageCount);
}
