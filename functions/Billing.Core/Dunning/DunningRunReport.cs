using Billing.Core.Monetary;

namespace Billing.Core.Dunning;

/// <summary>
/// What a dunning run did (or, dry, would do): the notices it enqueued, every open invoice it passed over with
/// the reason, and whether the freshness guard blocked it. Closed invoices (paid, void, uncollectible) are listed
/// only while their ladder is still running on the run date, so the report does not list the whole history.
/// </summary>
public sealed record DunningRunReport(
    DateOnly RunDate,
    bool DryRun,
    string? BlockedReason,
    IReadOnlyList<DunningRunItem> Notices,
    IReadOnlyList<DunningRunSkip> Skipped,
    int MessagesEnqueued)
{
    public bool Blocked => BlockedReason is not null;
}

/// <summary>A notice the run sends (or would send): invoice, account, stage and its action; <see cref="SkippedStages"/>
/// are the lower stages passed over because a run was missed (they are recorded as skipped, never sent).</summary>
public sealed record DunningRunItem(
    string InvoiceId,
    string InvoiceNumber,
    string AccountId,
    string Policy,
    int Stage,
    string Template,
    DunningAction Action,
    Money AmountDue,
    DateOnly DueDate,
    int DaysOverdue,
    IReadOnlyList<int> SkippedStages);

/// <summary>An invoice the run passes over, and why.</summary>
public sealed record DunningRunSkip(string InvoiceId, string? InvoiceNumber, string AccountId, DunningSkipReason Reason, int? Stage = null, string? Detail = null);
