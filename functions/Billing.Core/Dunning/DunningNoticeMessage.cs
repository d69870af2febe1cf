namespace Billing.Core.Dunning;

/// <summary>
/// The <c>dunning-notice</c> queue message: send the notices <see cref="Items"/> of <see cref="AccountId"/> reached
/// on <see cref="RunDate"/>, in one email. With grouping it holds every invoice of the account due a notice; without,
/// exactly one. It names (invoice, stage) pairs, never "the next stage", so a replay, or the same pair in the
/// messages of two runs, resolves to the same notice documents and sends nothing new.
/// </summary>
public sealed record DunningNoticeMessage(string AccountId, DateOnly RunDate, IReadOnlyList<DunningNoticeItem> Items)
{
    /// <summary>Who claims the notices: replays of this message (same account and run date) may finish each other's work.</summary>
    public string BatchId => $"{AccountId}-{RunDate:yyyyMMdd}";
}

/// <summary>Stage <see cref="Stage"/> (1-based) of invoice <see cref="InvoiceId"/>.</summary>
public sealed record DunningNoticeItem(string InvoiceId, int Stage);
