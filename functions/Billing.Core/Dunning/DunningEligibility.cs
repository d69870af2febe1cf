using Billing.Core.Invoicing;

namespace Billing.Core.Dunning;

/// <summary>
/// Whether an invoice may be chased at all, before stages are looked at: it must be issued and open, owe a
/// positive amount, not be a credit note, not be disputed, and its account must not be paused on the day.
/// The scheduler and the sender ask the same question, the sender again just before it sends.
/// </summary>
public static class DunningEligibility
{
    /// <summary>Why <paramref name="invoice"/> must not be chased on <paramref name="date"/>, or null when it may.</summary>
    public static DunningSkipReason? Check(Invoice invoice, DunningPause? pause, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice switch
        {
            { IsCreditNote: true } => DunningSkipReason.CreditNote,
            { Status: InvoiceStatus.Paid } => DunningSkipReason.Paid,
            { Status: InvoiceStatus.Void } => DunningSkipReason.Void,
            { Status: InvoiceStatus.Uncollectible } => DunningSkipReason.Uncollectible,
            { Status: InvoiceStatus.Draft } or { Number: null } => DunningSkipReason.NotIssued,
            _ when !invoice.AmountDue.IsPositive => DunningSkipReason.Paid,
            { DisputeReason: not null } => DunningSkipReason.Disputed,
            _ when pause?.IsActiveOn(date) == true => DunningSkipReason.Paused,
            _ => null,
        };
    }
}
