using Billing.Core.Storage;

namespace Billing.Core.Issuing;

/// <summary>
/// Per-account bookkeeping of the billing run: the next date on which something becomes billable, so the
/// daily scheduler reads one small document per account and enqueues only the accounts that are due.
/// A missing state, or one whose <see cref="NextChargeDate"/> is null, means "look at this account".
/// </summary>
public sealed record AccountBillingState : IDocument
{
    public const string DocumentId = "billing-state";

    public static string DocumentType => "billingState";

    public static string Container => Containers.Billing;

    public required string AccountId { get; init; }

    /// <summary>The earliest charge date not yet billed; null when unknown (recompute) or none is scheduled.</summary>
    public DateOnly? NextChargeDate { get; init; }

    /// <summary>True when no charge will ever come again (all subscriptions ended and billed).</summary>
    public bool Finished { get; init; }

    public DateOnly? LastBilledOn { get; init; }
}
