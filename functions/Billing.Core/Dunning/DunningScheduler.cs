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

        var handled = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var notices = new List<DunningRunItem>();
        var skipped = new List<DunningRunSkip>();
        await foreach (var stored in ConsideredInvoicesAsync(runDate, cancellationToken))
        {
            var invoice = stored.Value;
            var handledStage = await HandledStageAsync(invoice, handled, cancellationToken);
            var decision = Decide(invoice, accounts.GetValueOrDefault(invoice.AccountId), pauses.GetValueOrDefault(invoice.AccountId), handledStage, runDate);
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

    /// <summary>
    /// The invoices a run looks at, from the status and due-date indexes: every open or draft invoice, and the closed
    /// ones that fell due recently enough for a ladder to be running (their skips are reported). An invoice closed
    /// before that horizon can neither get a notice nor be reported, so it is never read.
    /// </summary>
    private async IAsyncEnumerable<Stored<Invoice>> ConsideredInvoicesAsync(DateOnly runDate, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var invoice in store.QueryAsync<Invoice>(InvoiceQueries.OpenOrDraft, cancellationToken))
        {
            yield return invoice;
        }

        await foreach (var invoice in store.QueryAsync<Invoice>(InvoiceQueries.ClosedDueSince(LadderHorizon(runDate)), cancellationToken))
        {
            yield return invoice;
        }
    }

    /// <summary>The earliest due date whose ladder can still be running on <paramref name="runDate"/>: the longest ladder
    /// of any policy, plus the two days a weekend can push a stage, plus one.</summary>
    private DateOnly LadderHorizon(DateOnly runDate) =>
        runDate.AddDays(-(options.Value.Policies.Values.SelectMany(p => p.Stages).Select(s => s.Day).DefaultIfEmpty(0).Max() + 3));

    /// <summary>The highest stage of <paramref name="invoice"/> already sent or passed over. Only an open invoice needs it;
    /// its account's notices in those states are read once per run (one single-partition query on the status index).</summary>
    private async Task<int> HandledStageAsync(Invoice invoice, Dictionary<string, Dictionary<string, int>> handled, CancellationToken cancellationToken)
    {
        if (invoice.Status != InvoiceStatus.Open)
        {
            return 0;
        }

        if (!handled.TryGetValue(invoice.AccountId, out var stages))
        {
            stages = new Dictionary<string, int>(StringComparer.Ordinal);
            var query = DocumentQuery.InPartition(invoice.AccountId).Where(DocumentFilter.In("status", ["sent", "skipped"]));
            await foreach (var notice in store.QueryAsync<DunningNotice>(query, cancellationToken))
            {
                var value = notice.Value;
                if (value.Status is DunningNoticeStatus.Sent or DunningNoticeStatus.Skipped && value.Stage > stages.GetValueOrDefault(value.InvoiceId))
                {
                    stages[value.InvoiceId] = value.Stage;
                }
            }

            handled[invoice.AccountId] = stages;
        }

        return stages.GetValueOrDefault(invoice.Id);
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
