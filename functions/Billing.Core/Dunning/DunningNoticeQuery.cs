using Billing.Core.Storage;

namespace Billing.Core.Dunning;

/// <summary>Lists dunning notices for operators (<c>billing dunning list</c>): by default the sent ones, oldest first.</summary>
public sealed class DunningNoticeQuery(IDocumentStore store)
{
    /// <summary>Sent notices of every account (from the status index), or of <paramref name="accountId"/> (a single-partition
    /// query); with <paramref name="includeUnsent"/> also claimed, skipped and withdrawn ones (every notice: an export).</summary>
    public async Task<IReadOnlyList<DunningNoticeView>> ListAsync(string? accountId = null, bool includeUnsent = false, CancellationToken cancellationToken = default)
    {
        var source = (accountId, includeUnsent) switch
        {
            (null, false) => store.QueryAsync<DunningNotice>(DocumentQuery.Across(DocumentFilter.Equal("status", "sent")), cancellationToken),
            (null, true) => store.QueryAllAsync<DunningNotice>(cancellationToken),
            _ => store.QueryPartitionAsync<DunningNotice>(accountId, cancellationToken),
        };
        var views = new List<DunningNoticeView>();
        await foreach (var stored in source)
        {
            var n = stored.Value;
            if (includeUnsent || n.Status == DunningNoticeStatus.Sent)
            {
                views.Add(new DunningNoticeView(n.Id, n.InvoiceNumber, n.AccountId, n.Stage, n.Template, n.Action, n.Status, n.RunDate, n.SentAt, n.MessageId, n.Note));
            }
        }

        return views.OrderBy(v => v.SentAt ?? DateTimeOffset.MaxValue).ThenBy(v => v.AccountId, StringComparer.Ordinal).ThenBy(v => v.NoticeId, StringComparer.Ordinal).ToList();
    }
}

/// <summary>One notice as listed: <c>invoiceNumber, accountId, stage, sentAt, messageId</c> and where it stands.</summary>
public sealed record DunningNoticeView(
    string NoticeId, string InvoiceNumber, string AccountId, int Stage, string Template, DunningAction Action, DunningNoticeStatus Status,
    DateOnly RunDate, DateTimeOffset? SentAt, string? MessageId, string? Note);
