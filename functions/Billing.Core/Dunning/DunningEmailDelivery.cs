using Billing.Core.Accounts;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Dunning;

/// <summary>
/// Completes a <see cref="DunningEmail"/>, whoever started it and however far it got:
/// <list type="number">
/// <item><see cref="DunningEmailStatus.Pending"/>: each listed notice still claimed for the email is checked again
/// (paid, voided, disputed or paused since? then it is withdrawn and left out); the rest are sent in one email under
/// the email's id, and the email is marked <see cref="DunningEmailStatus.Sent"/> with exactly those notices. When
/// none is left, the email is <see cref="DunningEmailStatus.Withdrawn"/> and nothing is sent.</item>
/// <item><see cref="DunningEmailStatus.Sent"/>: every listed notice still claimed by it is marked sent with the
/// email's message id, <c>DunningNoticeSent</c> is published (deterministic event ids), and the stages' actions run.</item>
/// </list>
/// The one window left is a crash after the provider accepted the email and before the email document says so: the
/// rerun sends it again under the same message id, which the local outbox refuses and SendGrid receives with the same
/// <c>messageId</c> custom arg. A rerun never sends a notice in a different email.
/// </summary>
public sealed partial class DunningEmailDelivery(
    IDocumentStore store,
    IBlobStore blobs,
    IEmailSender sender,
    IEventPublisher events,
    DunningActionRunner actions,
    IOptions<BlobContainerOptions> containers,
    TimeProvider time,
    ILogger<DunningEmailDelivery> logger)
{
    /// <summary>Sends <paramref name="email"/> if it is pending and marks its notices sent; returns the notices this call marked.</summary>
    /// <param name="known">Invoices already read by the caller in this attempt (saves reading them again).</param>
    public async Task<IReadOnlyList<string>> CompleteAsync(
        Account account, DunningPolicy policy, DunningPause? pause, Stored<DunningEmail> email, IReadOnlyDictionary<string, Invoice> known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(known);
        var current = email.Value;
        if (current.Status == DunningEmailStatus.Pending)
        {
            var lines = await LinesAsync(account, policy, pause, current, known, cancellationToken);
            current = lines.Count == 0
                ? (await store.UpdateExistingAsync<DunningEmail>(account.Id, current.Id, e => e.Status == DunningEmailStatus.Pending ? e with { Status = DunningEmailStatus.Withdrawn } : null, cancellationToken)).Value
                : await SendAsync(account, current, lines, cancellationToken);
        }

        if (current.Status != DunningEmailStatus.Sent)
        {
            return [];
        }

        var marked = await MarkNoticesSentAsync(current, cancellationToken);
        foreach (var notice in marked)
        {
            await CompleteActionAsync(account, policy, notice, cancellationToken);
        }

        return marked.Select(n => n.Value.Id).ToList();
    }

    /// <summary>Carries out the stage action of a notice that was sent, unless it was carried out already.</summary>
    public async Task CompleteActionAsync(Account account, DunningPolicy policy, Stored<DunningNotice> notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Value.ActionCompletedAt is not null)
        {
            return;
        }

        await actions.ApplyAsync(account, notice.Value, StageOf(policy, notice.Value), cancellationToken);
        var done = time.GetUtcNow();
        await store.UpdateExistingAsync<DunningNotice>(notice.Value.AccountId, notice.Value.Id, n => n.ActionCompletedAt is null ? n with { ActionCompletedAt = done } : null, cancellationToken);
    }

    /// <summary>The stage a notice was claimed under: the policy's, or (if the policy lost that stage since) one rebuilt from the notice.</summary>
    private static DunningStage StageOf(DunningPolicy policy, DunningNotice notice) =>
        notice.Stage <= policy.Stages.Count ? policy.StageAt(notice.Stage) : new DunningStage { Day = notice.Day, Template = notice.Template, Action = notice.Action };

    private async Task<List<DunningLetterLine>> LinesAsync(
        Account account, DunningPolicy policy, DunningPause? pause, DunningEmail email, IReadOnlyDictionary<string, Invoice> known, CancellationToken cancellationToken)
    {
        var lines = new List<DunningLetterLine>();
        foreach (var id in email.NoticeIds)
        {
            if ((await store.ReadAsync<DunningNotice>(account.Id, id, cancellationToken))?.Value is not { Status: DunningNoticeStatus.Claimed } notice || notice.EmailId != email.Id)
            {
                continue;
            }

            var invoice = known.GetValueOrDefault(notice.InvoiceId) ?? (await store.ReadAsync<Invoice>(account.Id, notice.InvoiceId, cancellationToken))?.Value;
            var ineligible = invoice is null ? DunningSkipReason.InvoiceMissing : DunningEligibility.Check(invoice, pause, email.RunDate);
            if (invoice is null || ineligible is not null)
            {
                var reason = ineligible ?? DunningSkipReason.InvoiceMissing;
                await store.UpdateAsync<DunningNotice>(account.Id, id, n => n.Status == DunningNoticeStatus.Claimed && n.EmailId == email.Id
                    ? n with { Status = DunningNoticeStatus.Withdrawn, Note = reason.ToString() }
                    : null, cancellationToken);
                LogWithdrawn(id, reason);
                continue;
            }

            lines.Add(new DunningLetterLine(invoice, notice, StageOf(policy, notice), email.RunDate.DayNumber - invoice.DueDate.DayNumber));
        }

        return lines;
    }

    private async Task<DunningEmail> SendAsync(Account account, DunningEmail email, List<DunningLetterLine> lines, CancellationToken cancellationToken)
    {
        var pdfs = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var pdf = line.Invoice.PdfPath is { } path ? await blobs.ReadAllBytesAsync(new BlobRef(containers.Value.Invoices, path), cancellationToken) : null;
            if (pdf is null)
            {
                LogPdfMissing(line.Notice.InvoiceNumber);
                continue;
            }

            pdfs[line.Invoice.Id] = pdf;
        }

        var message = DunningEmailComposer.Compose(account, email.Id, lines, pdfs);
        var providerId = await sender.SendAsync(message, cancellationToken);
        var sentAt = time.GetUtcNow();
        var included = lines.Select(l => l.Notice.Id).ToList();
        LogSent(account.Id, lines.Count, email.Id, providerId);
        return (await store.UpdateExistingAsync<DunningEmail>(account.Id, email.Id, e => e.Status == DunningEmailStatus.Sent
            ? null
            : e with { Status = DunningEmailStatus.Sent, SentAt = sentAt, ProviderMessageId = providerId, NoticeIds = included }, cancellationToken)).Value;
    }

    /// <summary>Marks sent every notice of <paramref name="email"/> still claimed by it; returns those this call changed.</summary>
    private async Task<List<Stored<DunningNotice>>> MarkNoticesSentAsync(DunningEmail email, CancellationToken cancellationToken)
    {
        var sentAt = email.SentAt ?? time.GetUtcNow();
        var marked = new List<Stored<DunningNotice>>();
        foreach (var id in email.NoticeIds)
        {
            var changed = false;
            var stored = await store.UpdateAsync<DunningNotice>(email.AccountId, id, n =>
            {
                changed = n.Status == DunningNoticeStatus.Claimed && n.EmailId == email.Id;
                return changed
                    ? n with
                    {
                        Status = DunningNoticeStatus.Sent, SentAt = sentAt, MessageId = email.Id, ProviderMessageId = email.ProviderMessageId,
                        ActionCompletedAt = n.Action == DunningAction.Email ? sentAt : null,
                    }
                    : null;
            }, cancellationToken);
            if (changed && stored is not null)
            {
                marked.Add(stored);
            }
        }

        if (marked.Count == 0)
        {
            return marked;
        }

        await events.PublishAsync(
            marked.Select(m => m.Value).Select(n => IntegrationEvent.Create(EventTypes.DunningNoticeSent, n.Id, n.AccountId, sentAt,
                new DunningNoticeSent(n.Id, n.InvoiceId, n.InvoiceNumber, n.AccountId, n.Stage, n.Template, n.Action, email.Id, sentAt))).ToList(),
            cancellationToken);
        return marked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning email {MessageId} for account {AccountId} with {NoticeCount} notices sent as {ProviderMessageId}")]
    private partial void LogSent(string accountId, int noticeCount, string messageId, string providerMessageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning notice {NoticeId} withdrawn: {Reason}")]
    private partial void LogWithdrawn(string noticeId, DunningSkipReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice {InvoiceNumber} has no PDF; its dunning notice goes out without it")]
    private partial void LogPdfMissing(string invoiceNumber);
}
