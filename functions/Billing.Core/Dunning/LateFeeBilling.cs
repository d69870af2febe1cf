namespace Billing.Core.Dunning;

/// <summary>How a late fee reaches the customer.</summary>
public enum LateFeeBilling
{
    /// <summary>A one-off charge billed on the account's next regular invoice.</summary>
    NextInvoice,

    /// <summary>An invoice of its own, issued (and emailed) at once.</summary>
    SeparateInvoice,
}
