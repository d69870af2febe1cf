using Billing.Core.Accounts;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Dunning;

/// <summary>
/// Sends the notices of one <see cref="DunningNoticeMessage"/> (the <c>dunning-notice</c> queue's use case), exactly
/// once per (invoice, stage):
/// <list type="number">
/// <item>It re-checks the freshness guard, re-reads account, pause and each invoice, and drops any invoice paid,
/// voided, disputed or paused since the run, or whose stage (or a higher one) was sent meanwhile.</item>
/// <item>It claims each remaining notice: creates <c>notice-{invoice}-{stage}</c> as <see cref="DunningNoticeStatus.Claimed"/>
/// if absent (lower stages never sent are recorded as <see cref="DunningNoticeStatus.Skipped"/> first).</item>
/// <item>It sends one email for the claimed notices, then marks each <see cref="DunningNoticeStatus.Sent"/> with
/// <see cref="DunningNotice.SentAt"/>, publishes <c>DunningNoticeSent</c>, and carries out the stages' actions.</item>
/// </list>
/// Crash window: a crash after the provider accepted the email and before <c>SentAt</c> is written leaves the notice
/// claimed; the retry of the same message (same <see cref="DunningNoticeMessage.BatchId"/>) finds its own claim and
/// sends again with the same deterministic message id, which the local outbox refuses as a duplicate and SendGrid
/// receives in <c>custom_args</c> (so at most that one duplicate is possible there, and only in that window). A claim of
/// another batch is left alone (reported <see cref="DunningSkipReason.InFlight"/>) until it is older than
/// <see cref="DunningOptions.ClaimTimeout"/>, then taken over. A notice marked sent is never sent again; a retry only
/// completes its pending action.
/// </summary>
public sealed partial class DunningNoticeSender(
    IDocumentStore store,
    IBlobStore blobs,
    IEmailSender sender,
    IEventPublisher events,
    BankFileFreshnessGuard guard,
    DunningActionRunner actions,
    IOptions<DunningOptions> options,
    IOptions<BlobContainerOptions> containers,
    TimeProvider time,
    ILogger<DunningNoticeSender> logger)
{
    public async Task<DunningSendResult> SendAsync(DunningNoticeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var skipped = new List<DunningRunSkip>();
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

        var pause = (await store.ReadAsync<DunningPause>(account.Id, DunningPause.DocumentId, cancellationToken))?.Value;
        var notices = new Dictionary<string, Stored<DunningNotice>>(StringComparer.Ordinal);
        await foreach (var notice in store.QueryPartitionAsync<DunningNotice>(account.Id, cancellationToken))
        {
            notices[notice.Value.Id] = notice;
        }

        var lines = new List<DunningLetterLine>();
        var pending = new List<Stored<DunningNotice>>();
        foreach (var item in message.Items.Distinct())
        {
            var outcome = await PrepareAsync(message, account, policy, pause, notices, item, cancellationToken);
            switch (outcome)
            {
                case { Line: { } line }:
                    lines.Add(line);
                    break;
                case { Pending: { } action }:
                    pending.Add(action);
                    skipped.Add(new(item.InvoiceId, action.Value.InvoiceNumber, account.Id, DunningSkipReason.AlreadySent, item.Stage));
                    break;
                case { Skip: { } skip }:
                    skipped.Add(skip);
                    break;
            }
        }

        string? messageId = null;
        if (lines.Count > 0)
        {
            (messageId, var sent) = await SendAndRecordAsync(account, message, lines, cancellationToken);
            pending.AddRange(sent);
        }

        foreach (var notice in pending)
        {
            await CompleteActionAsync(account, policy, notice, cancellationToken);
        }

        return new DunningSendResult(lines.Select(l => l.Notice.Id).ToList(), messageId, skipped);
    }

    private sealed record Prepared(DunningLetterLine? Line = null, Stored<DunningNotice>? Pending = null, DunningRunSkip? Skip = null);

    private async Task<Prepared> PrepareAsync(
        DunningNoticeMessage message, Account account, DunningPolicy policy, DunningPause? pause,
        Dictionary<string, Stored<DunningNotice>> notices, DunningNoticeItem item, CancellationToken cancellationToken)
    {
        Prepared Skip(DunningSkipReason reason, string? number = null, string? detail = null) =>
            new(Skip: new DunningRunSkip(item.InvoiceId, number, account.Id, reason, item.Stage, detail));

        if (item.Stage < 1 || item.Stage > policy.Stages.Count)
        {
            return Skip(DunningSkipReason.UnknownPolicy, detail: $"policy '{account.DunningPolicy}' has no stage {item.Stage}");
        }

        var invoice = (await store.ReadAsync<Invoice>(account.Id, item.InvoiceId, cancellationToken))?.Value;
        if (invoice is null)
        {
            return Skip(DunningSkipReason.InvoiceMissing);
        }

        var id = DunningNotice.IdFor(invoice.Id, item.Stage);
        var own = notices.GetValueOrDefault(id);
        if (own?.Value.Status == DunningNoticeStatus.Sent)
        {
            return own.Value.ActionCompletedAt is null ? new Prepared(Pending: own) : Skip(DunningSkipReason.AlreadySent, invoice.Number);
        }

        if (own?.Value.Status == DunningNoticeStatus.Skipped)
        {
            return Skip(DunningSkipReason.AlreadySent, invoice.Number);
        }

        var higher = notices.Values.Any(n => n.Value.InvoiceId == invoice.Id && n.Value.Stage > item.Stage
            && n.Value.Status is DunningNoticeStatus.Sent or DunningNoticeStatus.Claimed);
        var reason = higher ? DunningSkipReason.Superseded : DunningEligibility.Check(invoice, pause, message.RunDate);
        if (reason is { } r)
        {
            if (own is { Value.Status: DunningNoticeStatus.Claimed } && OwnsOrStale(own.Value, message.BatchId))
            {
                await TryReplaceAsync(own, own.Value with { Status = DunningNoticeStatus.Withdrawn, Note = r.ToString() }, cancellationToken);
                LogWithdrawn(id, r);
            }

            return Skip(r, invoice.Number);
        }

        var stage = policy.StageAt(item.Stage);
        var claim = new DunningNotice
        {
            Id = id, AccountId = account.Id, InvoiceId = invoice.Id, InvoiceNumber = invoice.Number!, Stage = item.Stage, Policy = account.DunningPolicy,
            Day = stage.Day, Template = stage.Template, Action = stage.Action, RunDate = message.RunDate, Status = DunningNoticeStatus.Claimed,
            ClaimedBy = message.BatchId, ClaimedAt = time.GetUtcNow(), LateFee = DunningActionRunner.LateFeeFor(invoice, stage),
        };
        await RecordSkippedStagesAsync(claim, policy, notices, cancellationToken);
        var claimed = await ClaimAsync(own, claim, cancellationToken);
        return claimed is null
            ? Skip(DunningSkipReason.InFlight, invoice.Number)
            : new Prepared(Line: new DunningLetterLine(invoice, claimed, stage, message.RunDate.DayNumber - invoice.DueDate.DayNumber, claimed.LateFee));
    }

    /// <summary>Claims the notice: creates it, reuses our own claim, or takes over a withdrawn or stale one; null when another batch holds it.</summary>
    private async Task<DunningNotice?> ClaimAsync(Stored<DunningNotice>? existing, DunningNotice claim, CancellationToken cancellationToken)
    {
        if (existing is null)
        {
            if (await store.TryCreateAsync(claim.AccountId, claim.Id, claim, cancellationToken) is { } created)
            {
                return created.Value;
            }

            existing = await store.ReadAsync<DunningNotice>(claim.AccountId, claim.Id, cancellationToken);
            if (existing is null)
            {
                return null;
            }
        }

        var current = existing.Value;
        if (current.Status == DunningNoticeStatus.Claimed && current.ClaimedBy == claim.ClaimedBy)
        {
            return current;
        }

        if (current.Status == DunningNoticeStatus.Withdrawn || (current.Status == DunningNoticeStatus.Claimed && OwnsOrStale(current, claim.ClaimedBy!)))
        {
            return await TryReplaceAsync(existing, claim with { Note = null }, cancellationToken);
        }

        return null;
    }

    private bool OwnsOrStale(DunningNotice notice, string batchId) =>
        notice.ClaimedBy == batchId || notice.ClaimedAt is null || time.GetUtcNow() - notice.ClaimedAt.Value > options.Value.ClaimTimeout;

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
                    Status = DunningNoticeStatus.Skipped, ClaimedBy = null, ClaimedAt = null, LateFee = null, Note = $"Run of {claim.RunDate:yyyy-MM-dd} reached stage {claim.Stage} first",
                };
                if (await store.TryCreateAsync(claim.AccountId, id, skipped, cancellationToken) is { } created)
                {
                    notices[id] = created;
                }
            }
        }
    }

    private async Task<(string MessageId, List<Stored<DunningNotice>> Sent)> SendAndRecordAsync(
        Account account, DunningNoticeMessage message, List<DunningLetterLine> lines, CancellationToken cancellationToken)
    {
        var pdfs = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (await ReadPdfAsync(line.Invoice, cancellationToken) is { } pdf)
            {
                pdfs[line.Invoice.Id] = pdf;
            }
        }

        var email = DunningEmailComposer.Compose(account, message.BatchId, lines, pdfs);
        var providerId = await sender.SendAsync(email, cancellationToken);
        var sentAt = time.GetUtcNow();
        var sent = new List<Stored<DunningNotice>>();
        foreach (var line in lines)
        {
            sent.Add(await MarkAsync(line.Notice, n => n.Status == DunningNoticeStatus.Sent, n => n with
            {
                Status = DunningNoticeStatus.Sent, SentAt = sentAt, MessageId = email.MessageId, ProviderMessageId = providerId,
                ActionCompletedAt = n.Action == DunningAction.Email ? sentAt : null,
            }, cancellationToken));
        }

        await events.PublishAsync(
            lines.Select(l => IntegrationEvent.Create(EventTypes.DunningNoticeSent, l.Notice.Id, account.Id, sentAt,
                new DunningNoticeSent(l.Notice.Id, l.Invoice.Id, l.Notice.InvoiceNumber, account.Id, l.Notice.Stage, l.Notice.Template, l.Notice.Action, email.MessageId, sentAt))).ToList(),
            cancellationToken);
        LogSent(account.Id, lines.Count, email.MessageId, providerId);
        return (email.MessageId, sent);
    }

    private async Task CompleteActionAsync(Account account, DunningPolicy policy, Stored<DunningNotice> notice, CancellationToken cancellationToken)
    {
        if (notice.Value.ActionCompletedAt is not null)
        {
            return;
        }

        var stage = notice.Value.Stage <= policy.Stages.Count ? policy.StageAt(notice.Value.Stage) : new DunningStage { Action = notice.Value.Action };
        await actions.ApplyAsync(account, notice.Value, stage, cancellationToken);
        var done = time.GetUtcNow();
        await MarkAsync(notice.Value, n => n.ActionCompletedAt is not null, n => n with { ActionCompletedAt = done }, cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> to the stored notice, re-reading on a conflict, unless <paramref name="done"/> already holds.</summary>
    private async Task<Stored<DunningNotice>> MarkAsync(
        DunningNotice notice, Func<DunningNotice, bool> done, Func<DunningNotice, DunningNotice> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await store.ReadAsync<DunningNotice>(notice.AccountId, notice.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Dunning notice {notice.Id} vanished while it was being sent.");
            if (done(current.Value))
            {
                return current;
            }

            try
            {
                return await store.ReplaceAsync(notice.AccountId, notice.Id, change(current.Value), current.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone else wrote it in between: read again and see whether our change is still needed.
            }
        }
    }

    private async Task<DunningNotice?> TryReplaceAsync(Stored<DunningNotice> existing, DunningNotice value, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.ReplaceAsync(existing.Key.PartitionKey, existing.Key.Id, value, existing.ETag, cancellationToken)).Value;
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    private async Task<byte[]?> ReadPdfAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.PdfPath is null)
        {
            LogPdfMissing(invoice.Number ?? invoice.Id);
            return null;
        }

        await using var stream = await blobs.OpenReadAsync(new BlobRef(containers.Value.Invoices, invoice.PdfPath), cancellationToken);
        if (stream is null)
        {
            LogPdfMissing(invoice.Number ?? invoice.Id);
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning email {MessageId} for account {AccountId} with {NoticeCount} notices sent as {ProviderMessageId}")]
    private partial void LogSent(string accountId, int noticeCount, string messageId, string providerMessageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning notice {NoticeId} withdrawn: {Reason}")]
    private partial void LogWithdrawn(string noticeId, DunningSkipReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dunning for account {AccountId} not sent: {Reason}")]
    private partial void LogBlocked(string accountId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice {InvoiceNumber} has no PDF; its dunning notice goes out without it")]
    private partial void LogPdfMissing(string invoiceNumber);
}
