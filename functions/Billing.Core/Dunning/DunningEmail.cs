using System.Security.Cryptography;
using System.Text;
using Billing.Core.Storage;

namespace Billing.Core.Dunning;

/// <summary>
/// One dunning email and the notices it carries: container <c>billing</c>, partition = account id, id = the email's
/// message id, which is deterministic from the <see cref="DunningNoticeMessage"/> that groups the notices
/// (<see cref="IdFor"/>), so every redelivery of that message, and whoever takes over its claims after their lease,
/// finds the same document. It is created (<see cref="DunningEmailStatus.Pending"/>, listing its claimed notices)
/// before anything is sent and never re-created: a rerun completes it. That is what makes "one email per grouped
/// email, and per (invoice, stage)" hold across crashes: the email keeps its id whatever subset of its notices is
/// still claimed when the rerun comes, and the email sender refuses a second message with an id it has sent.
/// </summary>
public sealed record DunningEmail : IDocument
{
    public static string DocumentType => "dunningEmail";

    public static string Container => Containers.Billing;

    /// <summary>The message id: <c>dunning-{notice id}</c> for one notice, else <c>dunning-{batch}-{hash of the notice ids}</c>.</summary>
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The run that decided the notices.</summary>
    public required DateOnly RunDate { get; init; }

    /// <summary>The notices this email carries (claimed with <see cref="DunningNotice.EmailId"/> = <see cref="Id"/>);
    /// once sent, exactly those that were in it.</summary>
    public required IReadOnlyList<string> NoticeIds { get; init; }

    public required DunningEmailStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public string? ProviderMessageId { get; init; }

    /// <summary>The email (and message) id of the notices <paramref name="message"/> names: the same for every
    /// redelivery of it, whatever happened to the notices in between.</summary>
    public static string IdFor(DunningNoticeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ids = message.Items.Select(i => DunningNotice.IdFor(i.InvoiceId, i.Stage)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return ids.Count == 1
            ? $"dunning-{ids[0]}"
            : $"dunning-{message.BatchId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids))))[..12]}";
    }
}
