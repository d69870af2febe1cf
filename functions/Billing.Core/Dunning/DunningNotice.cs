using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Dunning;

/// <summary>
/// The record that stage <see cref="Stage"/> of invoice <see cref="InvoiceId"/> was dealt with: container
/// <c>billing</c>, partition = account id, id <c>notice-{invoiceId}-{stage}</c>, so there is at most one per
/// (invoice, stage). It is created (as <see cref="DunningNoticeStatus.Claimed"/>) before the email goes out and
/// becomes <see cref="DunningNoticeStatus.Sent"/> with <see cref="SentAt"/> after the provider accepted it.
/// </summary>
public sealed record DunningNotice : IDocument
{
    public static string DocumentType => "dunningNotice";

    public static string Container => Containers.Billing;

    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    /// <summary>1-based stage of <see cref="Policy"/>.</summary>
    public required int Stage { get; init; }

    public required string Policy { get; init; }

    public required int Day { get; init; }

    public required string Template { get; init; }

    public required DunningAction Action { get; init; }

    /// <summary>The run that reached the stage.</summary>
    public required DateOnly RunDate { get; init; }

    public required DunningNoticeStatus Status { get; init; }

    /// <summary>The batch (<see cref="DunningNoticeMessage.BatchId"/>) that claimed it: its redeliveries may carry on at once,
    /// any other message only after <see cref="DunningOptions.ClaimTimeout"/>.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>The <see cref="DunningEmail"/> it was claimed for (and, once sent, was sent in).</summary>
    public string? EmailId { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Our deterministic email message id (shared by the notices of one grouped email).</summary>
    public string? MessageId { get; init; }

    public string? ProviderMessageId { get; init; }

    /// <summary>When the stage's action (late fee, suspension, collections) was carried out; null for email-only stages until sent.</summary>
    public DateTimeOffset? ActionCompletedAt { get; init; }

    /// <summary>The late fee announced in the email and charged by the action (fixed when the notice is claimed).</summary>
    public Money? LateFee { get; init; }

    /// <summary>Why it was skipped or withdrawn.</summary>
    public string? Note { get; init; }

    public static string IdFor(string invoiceId, int stage) => $"notice-{invoiceId}-{stage}";
}
