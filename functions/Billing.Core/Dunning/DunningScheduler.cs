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
    IOptions<SchedulePageOptions> pages,
    ILogger<DunningScheduler> logger)
{
    /// <summary>After this id in an account's partition nothing sorts (ids are ASCII): a cursor past the whole account.</summary>
    private const string PastEveryId = "\uffff";

    private IDocumentStore Store => store;

    /// <summary>
    /// The whole run at once, as <c>billing dunning run</c> shows it: every open or draft invoice, and the closed ones
    /// whose ladder is still running (their skips are reported). Its cost grows with what is open, not with history.
    /// </summary>
    public async Task<DunningRunReport> ScheduleAsync(DateOnly runDate, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var blocked = await guard.BlockingReasonAsync(runDate, cancellationToken);
        var run = new Run(this, runDate, blocked);
        await foreach (var stored in ConsideredInvoicesAsync(runDate, cancellationToken))
        {
            await run.DecideAsync(stored.Value, cancellationToken);
        }

        return await FinishAsync(run, dryRun, cancellationToken);
    }

    /// <summary>
    /// One bounded page of the timer's fan-out: the next <see cref="SchedulePageOptions.DunningPageSize"/> open invoices
    /// after <paramref name="after"/> (null: the first page) in (account, id) order from the status index, extended to
    /// the end of the last account so an account's notices stay in one email; decided and enqueued as
    /// <see cref="ScheduleAsync"/> does, and, when more may follow, one <see cref="SchedulePageMessage"/> on
    /// <see cref="QueueOptions.ScheduleDunningPage"/> continues after it. Only open invoices can get a notice, so the
    /// page reads nothing else (the report lists no closed invoices). A page handled twice enqueues the same messages,
    /// and notices are keyed by (invoice, stage). A blocked run stops at its first page.
    /// </summary>
    public async Task<DunningRunReport> SchedulePageAsync(DateOnly runDate, DocumentCursor? after, CancellationToken cancellationToken = default)
    {
        var blocked = await guard.BlockingReasonAsync(runDate, cancellationToken);
        var size = pages.Value.DunningPageSize;
        var page = await store.QueryPageAsync<Invoice>(InvoiceQueries.Open, size, after, cancellationToken);
        var invoices = page.Items.Select(i => i.Value).ToList();
        var next = page.Next;
        if (next is not null)
        {
            var last = next.PartitionKey;
            if (invoices.Any(i => i.AccountId != last))
            {
                // The last account may go on in the next page: leave it to that page, whole.
                invoices.RemoveAll(i => i.AccountId == last);
                var kept = page.Items.Last(i => i.Key.PartitionKey != last);
                next = new DocumentCursor(next.Value, kept.Key.PartitionKey, kept.Key.Id);
            }
            else
            {
                // One account fills the page: take all of its open invoices now, and go on after the account.
                invoices.Clear();
                await foreach (var invoice in store.QueryAsync<Invoice>(InvoiceQueries.OpenOf(last), cancellationToken))
                {
                    invoices.Add(invoice.Value);
                }

                next = new DocumentCursor(next.Value, last, PastEveryId);
            }
        }

        var run = new Run(this, runDate, blocked);
        foreach (var invoice in invoices)
        {
            await run.DecideAsync(invoice, cancellationToken);
        }

        var report = await FinishAsync(run, dryRun: false, cancellationToken);
        if (blocked is null && next is not null)
        {
            await queue.EnqueueAsync(queues.Value.ScheduleDunningPage, SchedulePageMessage.After(runDate, next), cancellationToken);
        }

        return report;
    }

    private async Task<DunningRunReport> FinishAsync(Run run, bool dryRun, CancellationToken cancellationToken)
    {
        var enqueued = run.Blocked is null && !dryRun ? await EnqueueAsync(run.Notices, run.RunDate, cancellationToken) : 0;
        if (run.Blocked is not null)
        {
            LogBlocked(run.RunDate, run.Blocked);
        }

        LogScheduled(run.RunDate, dryRun, run.Notices.Count, run.Skipped.Count, enqueued);
        return new DunningRunReport(run.RunDate, dryRun, run.Blocked, run.Notices, run.Skipped, enqueued);
    }

    /// <summary>
    /// One run's (or page's) decisions, and what it read for them: once per account its account and pause by key, per
    /// open invoice its notices by key.
    /// </summary>
    private sealed class Run(DunningScheduler scheduler, DateOnly runDate, string? blocked)
    {
        private readonly Dictionary<string, Account?> _accounts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DunningPause?> _pauses = new(StringComparer.Ordinal);

        public DateOnly RunDate => runDate;

        public string? Blocked => blocked;

        public List<DunningRunItem> Notices { get; } = [];

        public List<DunningRunSkip> Skipped { get; } = [];

        public async Task DecideAsync(Invoice invoice, CancellationToken cancellationToken)
        {
            var store = scheduler.Store;
            var id = invoice.AccountId;
            if (!_accounts.TryGetValue(id, out var account))
            {
                account = (await store.ReadAsync<Account>(id, id, cancellationToken))?.Value;
                _accounts[id] = account;
                _pauses[id] = (await store.ReadAsync<DunningPause>(id, DunningPause.DocumentId, cancellationToken))?.Value;
            }

            var handledStage = await scheduler.HandledStageAsync(invoice, account, cancellationToken);
            switch (scheduler.Decide(invoice, account, _pauses.GetValueOrDefault(id), handledStage, runDate))
            {
                case DunningDecision.Send { Notice: var notice } when blocked is null:
                    Notices.Add(notice);
                    break;
                case DunningDecision.Send { Notice: var notice }:
                    Skipped.Add(new(invoice.Id, invoice.Number, invoice.AccountId, DunningSkipReason.FreshnessGuard, notice.Stage, blocked));
                    break;
                case DunningDecision.Skip { Reason: var skip }:
                    Skipped.Add(skip);
                    break;
            }
        }
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

    /// <summary>
    /// The highest stage of <paramref name="invoice"/> already sent or passed over, read by key (a notice's id is
    /// <c>notice-{invoice}-{stage}</c>) from the policy's last stage down to the first found: at most one point read per
    /// stage, whatever the account's history holds. Only an open invoice of a known policy needs it.
    /// </summary>
    private async Task<int> HandledStageAsync(Invoice invoice, Account? account, CancellationToken cancellationToken)
    {
        if (invoice.Status != InvoiceStatus.Open || account is null || options.Value.PolicyNamed(account.DunningPolicy) is not { } policy)
        {
            return 0;
        }

        for (var stage = policy.Stages.Count; stage >= 1; stage--)
        {
            var notice = await store.ReadAsync<DunningNotice>(invoice.AccountId, DunningNotice.IdFor(invoice.Id, stage), cancellationToken);
            if (notice?.Value.Status is DunningNoticeStatus.Sent or DunningNoticeStatus.Skipped)
            {
                return stage;
            }
        }

        return 0;
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
