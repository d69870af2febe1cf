using Billing.Core.Storage;

namespace Billing.Core.Issuing;

/// <summary>
/// Per-account bookkeeping of the billing run: the next date on which something becomes billable, so the
/// daily scheduler reads one small document per account and enqueues only the accounts that are due.
/// A state written by an import says <see cref="DateOnly.MinValue"/> (due on any date: "look at this account"); the
/// scheduler finds due states through the <c>nextChargeDate</c> index, so an unfinished account always has a date.
/// </summary>
public sealed record AccountBillingState : IDocument
{
    public const string DocumentId = "billing-state";

    public static string DocumentType => "billingState";

    public static string Container => Containers.Billing;

    public required string AccountId { get; init; }

    /// <summary>The earliest charge date not yet billed; <see cref="DateOnly.MinValue"/> when unknown (recompute), null when none is scheduled.</summary>
    public DateOnly? NextChargeDate { get; init; }

    /// <summary>True when no charge will ever come again (all subscriptions ended and billed).</summary>
    public bool Finished { get; init; }

    public DateOnly? LastBilledOn { get; init; }
}
