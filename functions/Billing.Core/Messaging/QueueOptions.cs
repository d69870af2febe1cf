namespace Billing.Core.Messaging;

/// <summary>Names of the work queues, from the settings the queue triggers read.</summary>
public sealed class QueueOptions
{
    public string BillAccount { get; set; } = "bill-account";

    public string SendInvoice { get; set; } = "send-invoice";

    public string DunningNotice { get; set; } = "dunning-notice";

    /// <summary>Continuations of the billing fan-out (<see cref="SchedulePageMessage"/>).</summary>
    public string ScheduleBillingPage { get; set; } = "schedule-billing-page";

    /// <summary>Continuations of the dunning fan-out (<see cref="SchedulePageMessage"/>).</summary>
    public string ScheduleDunningPage { get; set; } = "schedule-dunning-page";
}
