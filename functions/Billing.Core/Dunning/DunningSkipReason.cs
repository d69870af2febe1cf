namespace Billing.Core.Dunning;

/// <summary>Why an invoice gets no notice from a run (or from a sender that re-checked it).</summary>
public enum DunningSkipReason
{
    Paid,
    Void,
    /// <summary>Already handed over to collections (uncollectible).</summary>
    Uncollectible,
    /// <summary>A draft: not issued, so not owed yet.</summary>
    NotIssued,
    CreditNote,
    Disputed,
    Paused,
    NotYetDue,
    AlreadySent,
    /// <summary>The bank files are stale (or missing): a payment may be sitting in one nobody ingested.</summary>
    FreshnessGuard,
    /// <summary>The account names a policy that is not configured.</summary>
    UnknownPolicy,
    /// <summary>A higher stage of the invoice was sent or is being sent already.</summary>
    Superseded,
    /// <summary>Another message claimed the notice moments ago and is sending it.</summary>
    InFlight,
    AccountMissing,
    InvoiceMissing,
}
