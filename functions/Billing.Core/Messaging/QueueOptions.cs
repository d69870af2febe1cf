namespace Billing.Core.Messaging;

/// <summary>Names of the work queues, from the settings the queue triggers read.</summary>
public sealed class QueueOptions
{
    public string BillAccount { get; set; } = "bill-account";

    public string SendInvoice { get; set; } = "send-invoice";

    public string DunningNotice { get; set; } = "dunning-notice";
}
