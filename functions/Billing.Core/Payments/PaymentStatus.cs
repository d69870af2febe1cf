namespace Billing.Core.Payments;

/// <summary>Where an incoming payment stands.</summary>
public enum PaymentStatus
{
    /// <summary>Matched and applied to invoices (and any rest to the account's credit balance).</summary>
    Applied,

    /// <summary>Not matched: waiting in suspense for a person to decide.</summary>
    Parked,

    /// <summary>The bank returned or reversed it; whatever it paid was undone.</summary>
    Returned,

    /// <summary>A person decided to send it back to the payer.</summary>
    Refunded,
}
