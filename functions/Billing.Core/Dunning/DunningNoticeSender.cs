using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Dunning;

/// <summary>
/// Sends the notices of one <see cref="DunningNoticeMessage"/> (the <c>dunning-notice</c> queue's use case), exactly
/// once per (invoice, stage) and in exactly one email per message:
/// <list type="number">
/// <item>It re-checks the freshness guard, re-reads account, pause and each invoice, and drops any invoice paid,
/// voided, disputed or paused since the run, or whose stage (or a higher one) was sent meanwhile.</item>
/// <item>It claims each remaining notice for the message's email (<see cref="DunningEmail.IdFor"/>): creates
/// <c>notice-{invoice}-{stage}</c> as <see cref="DunningNoticeStatus.Claimed"/> by the message's batch with
/// <see cref="DunningNotice.EmailId"/> = that email id, if absent (lower stages never sent are recorded as <see cref="DunningNoticeStatus.Skipped"/> first),
/// then creates the <see cref="DunningEmail"/> listing them, unless a previous attempt already did: then that
/// email's list stands and nothing is added to it.</item>
/// <item><see cref="DunningEmailDelivery"/> sends the email and marks its notices sent; a retry completes it instead.</item>
/// </list>
/// A notice claimed by another message is left alone (<see cref="DunningSkipReason.InFlight"/>) until its claim is older
/// than <see cref="DunningOptions.ClaimTimeout"/>; then its owner is taken to be dead and this sender completes the
/// other email (never sends the notice in its own), or takes the claim over when that email was never created (so
/// never sent). A notice marked sent is never sent again; a retry only completes its pending action.
/// </summary>
public sealed partial class DunningNoticeSender(
    IDocumentStore store,
    DunningEmailDelivery delivery,
    BankFileFreshnessGuard guard,
    IOptions<DunningOptions> options,
    TimeProvider time,
    ILogger<DunningNoticeSender> logger)
{
    public async Task<DunningSendResult> SendAsync(DunningNoticeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        DunningSendResult SkipAll(DunningSkipReason reason, string? detail) =>
            new([], null, message.Items.Select(i => new DunningRunSkip(i.InvoiceId, null, message.AccountId, reason, i.Stage, detail)).ToList());

        if (await guard.BlockingReasonAsync(message.RunDate, cancellationToken) is { } blocked)
        {
            LogBlocked(message.AccountId, blocked);
            return SkipAll(DunningSkipReason.FreshnessGuard, blocked);
        }

        var account = (await store.ReadAsync<Account>(message.AccountId, message.AccountId, cancellationToken))?.Value;
        if (account is null)
        {
            return SkipAll(DunningSkipReason.AccountMissing, null);
        }

        var policy = options.Value.PolicyNamed(account.DunningPolicy);
        if (policy is null)
        {
            return SkipAll(DunningSkipReason.UnknownPolicy, account.DunningPolicy);
        }

        var attempt = await StartAsync(message, account, policy, cancellationToken);
        var skipped = new List<DunningRunSkip>();
        var pending = new List<Stored<DunningNotice>>();
        var claimed = new List<string>();
        var others = new List<string>();
        foreach (var item in message.Items.Distinct())
        {
            switch (await PrepareAsync(attempt, item, cancellationToken))
            {
                case Prepared.Claimed { NoticeId: var id }:
                    claimed.Add(id);
                    break;
                case Prepared.InEmail { EmailId: var emailId }:
                    others.Add(emailId);
                    break;
                case Prepared.ActionPending { Notice: var notice }:
                    pending.Add(notice);
                    skipped.Add(new(item.InvoiceId, notice.Value.InvoiceNumber, account.Id, DunningSkipReason.AlreadySent, item.Stage));
                    break;
                case Prepared.Skipped { Skip: var skip }:
                    skipped.Add(skip);
                    break;
            }
        }

        var sent = new List<string>();
        string? messageId = null;
        // Emails created already (by an earlier attempt of this message, or by a dead owner) first; then the one for the new claims.
        foreach (var other in others.Distinct(StringComparer.Ordinal))
        {
            if (await EmailAsync(attempt, other, cancellationToken) is { } email && await delivery.CompleteAsync(account, policy, attempt.Pause, email, attempt.Invoices, cancellationToken) is { Count: > 0 } done)
            {
                sent.AddRange(done);
                messageId = other;
            }
        }

        if (claimed.Count > 0)
        {
            var created = new DunningEmail
            {
                Id = attempt.EmailId, AccountId = account.Id, RunDate = message.RunDate, NoticeIds = claimed, Status = DunningEmailStatus.Pending, CreatedAt = time.GetUtcNow(),
            };
            var email = await store.TryCreateAsync(account.Id, created.Id, created, cancellationToken)
                ?? await store.ReadAsync<DunningEmail>(account.Id, created.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Dunning email {created.Id} vanished while it was being created.");
            if (await delivery.CompleteAsync(account, policy, attempt.Pause, email, attempt.Invoices, cancellationToken) is { Count: > 0 } done)
            {
                sent.AddRange(done);
                messageId = email.Value.Id;
            }
        }

        foreach (var notice in pending)
        {
            await delivery.CompleteActionAsync(account, policy, notice, cancellationToken);
        }

        return new DunningSendResult(sent, messageId, skipped);
    }

    /// <summary>What one attempt at a message knows: its email (if an earlier attempt created it), the account's
    /// notices, and the invoices and emails read so far.</summary>
    private sealed class Attempt(DunningNoticeMessage message, Account account, DunningPolicy policy, DunningPause? pause, string emailId)
    {
        public DunningNoticeMessage Message { get; } = message;

        public Account Account { get; } = account;

        public DunningPolicy Policy { get; } = policy;

        public DunningPause? Pause { get; } = pause;

        public string EmailId { get; } = emailId;

        public Stored<DunningEmail>? Email { get; init; }

        public Dictionary<string, Stored<DunningNotice>> Notices { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Invoice> Invoices { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Stored<DunningEmail>?> Emails { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The outcome of preparing one item: exactly one of these.</summary>
    private abstract record Prepared
    {
        private Prepared()
        {
        }

        /// <summary>Claimed for this message's email (now or by an earlier attempt that created no email yet).</summary>
        public sealed record Claimed(string NoticeId) : Prepared;

        /// <summary>Listed in an email already created (this message's or, after its lease, a dead owner's): completing that email handles it.</summary>
        public sealed record InEmail(string EmailId) : Prepared;

        /// <summary>Sent before, but its stage's action was not carried out yet.</summary>
        public sealed record ActionPending(Stored<DunningNotice> Notice) : Prepared;

        /// <summary>Nothing to send, for a reason.</summary>
        public sealed record Skipped(DunningRunSkip Skip) : Prepared;
    }

    private async Task<Attempt> StartAsync(DunningNoticeMessage message, Account account, DunningPolicy policy, CancellationToken cancellationToken)
    {
        var pause = (await store.ReadAsync<DunningPause>(account.Id, DunningPause.DocumentId, cancellationToken))?.Value;
        var emailId = DunningEmail.IdFor(message);
        var attempt = new Attempt(message, account, policy, pause, emailId)
        {
            Email = await store.ReadAsync<DunningEmail>(account.Id, emailId, cancellationToken),
        };
        attempt.Emails[emailId] = attempt.Email;
        await foreach (var notice in store.QueryPartitionAsync<DunningNotice>(account.Id, cancellationToken))
        {
            attempt.Notices[notice.Value.Id] = notice;
        }

        return attempt;
    }

    private async Task<Stored<DunningEmail>?> EmailAsync(Attempt attempt, string id, CancellationToken cancellationToken)
    {
        if (!attempt.Emails.TryGetValue(id, out var email))
        {
            email = await store.ReadAsync<DunningEmail>(attempt.Account.Id, id, cancellationToken);
            attempt.Emails[id] = email;
        }

        return email;
    }

    private async Task<Prepared> PrepareAsync(Attempt attempt, DunningNoticeItem item, CancellationToken cancellationToken)
    {
        var (account, policy) = (attempt.Account, attempt.Policy);
        Prepared Skip(DunningSkipReason reason, string? number = null, string? detail = null) =>
            new Prepared.Skipped(new DunningRunSkip(item.InvoiceId, number, account.Id, reason, item.Stage, detail));

        if (item.Stage < 1 || item.Stage > policy.Stages.Count)
        {
            return Skip(DunningSkipReason.UnknownPolicy, detail: $"policy '{account.DunningPolicy}' has no stage {item.Stage}");
        }

        var invoice = (await store.ReadAsync<Invoice>(account.Id, item.InvoiceId, cancellationToken))?.Value;
        if (invoice is null)
        {
            return Skip(DunningSkipReason.InvoiceMissing);
        }

        attempt.Invoices[invoice.Id] = invoice;
        var id = DunningNotice.IdFor(invoice.Id, item.Stage);
        var own = attempt.Notices.GetValueOrDefault(id);
        if (own is { Value: var notice })
        {
            switch (notice)
            {
                case { Status: DunningNoticeStatus.Sent, ActionCompletedAt: null }:
                    return new Prepared.ActionPending(own);
                case { Status: DunningNoticeStatus.Sent or DunningNoticeStatus.Skipped }:
                    return Skip(DunningSkipReason.AlreadySent, invoice.Number);
                case { Status: DunningNoticeStatus.Claimed } when notice.ClaimedBy != attempt.Message.BatchId && !IsStale(notice):
                    return Skip(DunningSkipReason.InFlight, invoice.Number);
                case { Status: DunningNoticeStatus.Claimed, EmailId: { } holder }
                    when await EmailAsync(attempt, holder, cancellationToken) is { } listing && listing.Value.NoticeIds.Contains(id):
                    return new Prepared.InEmail(holder);
            }
        }

        var higher = attempt.Notices.Values.Any(n => n.Value.InvoiceId == invoice.Id && n.Value.Stage > item.Stage
            && n.Value.Status is DunningNoticeStatus.Sent or DunningNoticeStatus.Claimed);
        var ineligible = higher ? DunningSkipReason.Superseded : DunningEligibility.Check(invoice, attempt.Pause, attempt.Message.RunDate);
        if (ineligible is not null || invoice.Number is not { } number)
        {
            var reason = ineligible ?? DunningSkipReason.NotIssued;
            if (own is { Value.Status: DunningNoticeStatus.Claimed })
            {
                await TryReplaceAsync(own, own.Value with { Status = DunningNoticeStatus.Withdrawn, Note = reason.ToString() }, cancellationToken);
                LogWithdrawn(id, reason);
            }

            return Skip(reason, invoice.Number);
        }

        if (attempt.Email is not null)
        {
            return Skip(DunningSkipReason.InFlight, number, $"email {attempt.EmailId} was decided without it; a later run sends it");
        }

        var stage = policy.StageAt(item.Stage);
        var claim = new DunningNotice
        {
            Id = id, AccountId = account.Id, InvoiceId = invoice.Id, InvoiceNumber = number, Stage = item.Stage, Policy = account.DunningPolicy,
            Day = stage.Day, Template = stage.Template, Action = stage.Action, RunDate = attempt.Message.RunDate, Status = DunningNoticeStatus.Claimed,
            ClaimedBy = attempt.Message.BatchId, EmailId = attempt.EmailId, ClaimedAt = time.GetUtcNow(), LateFee = DunningActionRunner.LateFeeFor(invoice, stage),
        };
        await RecordSkippedStagesAsync(claim, policy, attempt.Notices, cancellationToken);
        return await ClaimAsync(own, claim, cancellationToken) is { } claimed
            ? new Prepared.Claimed(claimed.Value.Id)
            : Skip(DunningSkipReason.InFlight, number);
    }

    /// <summary>Claims the notice: creates it, reuses our own claim, or takes over a withdrawn or stale one (or one of this batch
    /// that no email lists); null when another message holds it.</summary>
    private async Task<Stored<DunningNotice>?> ClaimAsync(Stored<DunningNotice>? existing, DunningNotice claim, CancellationToken cancellationToken)
    {
        if (existing is null)
        {
            if (await store.TryCreateAsync(claim.AccountId, claim.Id, claim, cancellationToken) is { } created)
            {
                return created;
            }

            existing = await store.ReadAsync<DunningNotice>(claim.AccountId, claim.Id, cancellationToken);
            if (existing is null)
            {
                return null;
            }
        }

        var current = existing.Value;
        if (current.Status == DunningNoticeStatus.Claimed && current.ClaimedBy == claim.ClaimedBy && current.EmailId == claim.EmailId)
        {
            return existing;
        }

        if (current.Status == DunningNoticeStatus.Withdrawn || (current.Status == DunningNoticeStatus.Claimed && (current.ClaimedBy == claim.ClaimedBy || IsStale(current))))
        {
            return await TryReplaceAsync(existing, claim with { Note = null }, cancellationToken);
        }

        return null;
    }

    /// <summary>A claim whose owner is taken to be dead: older than <see cref="DunningOptions.ClaimTimeout"/> (or without a time).</summary>
    private bool IsStale(DunningNotice notice) =>
        notice.ClaimedAt is null || time.GetUtcNow() - notice.ClaimedAt.Value > options.Value.ClaimTimeout;

    private async Task RecordSkippedStagesAsync(DunningNotice claim, DunningPolicy policy, Dictionary<string, Stored<DunningNotice>> notices, CancellationToken cancellationToken)
    {
        for (var stage = 1; stage < claim.Stage; stage++)
        {
            var id = DunningNotice.IdFor(claim.InvoiceId, stage);
            if (!notices.ContainsKey(id))
            {
                var skipped = claim with
                {
                    Id = id, Stage = stage, Day = policy.StageAt(stage).Day, Template = policy.StageAt(stage).Template, Action = policy.StageAt(stage).Action,
                    Status = DunningNoticeStatus.Skipped, ClaimedBy = null, EmailId = null, ClaimedAt = null, LateFee = null, Note = $"Run of {claim.RunDate:yyyy-MM-dd} reached stage {claim.Stage} first",
                };
                if (await store.TryCreateAsync(claim.AccountId, id, skipped, cancellationToken) is { } created)
                {
                    notices[id] = created;
                }
            }
        }
    }

    private async Task<Stored<DunningNotice>?> TryReplaceAsync(Stored<DunningNotice> existing, DunningNotice value, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReplaceAsync(existing.Key.PartitionKey, existing.Key.Id, value, existing.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning notice {NoticeId} withdrawn: {Reason}")]
    private partial void LogWithdrawn(string noticeId, DunningSkipReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dunning for account {AccountId} not sent: {Reason}")]
    private partial void LogBlocked(string accountId, string reason);
}
