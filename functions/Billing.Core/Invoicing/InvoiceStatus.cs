namespace Billing.Core.Invoicing;

/// <summary>
/// An invoice's life: <c>draft → open → paid | void | uncollectible</c>. A draft has no number yet; it is
/// numbered when it is finalised (becomes open). A paid invoice reopens only when its payment is returned.
/// </summary>
public enum InvoiceStatus
{
    Draft,
    Open,
    Paid,
    Void,
    Uncollectible,
}
