namespace Billing.Core.Events;

/// <summary>The integration event types this system publishes.</summary>
public static class EventTypes
{
    public const string InvoiceIssued = "InvoiceIssued";
    public const string InvoiceEmailed = "InvoiceEmailed";
    public const string PaymentApplied = "PaymentApplied";
    public const string PaymentParked = "PaymentParked";
    public const string PaymentReturned = "PaymentReturned";
    public const string DunningNoticeSent = "DunningNoticeSent";
    public const string InvoiceUncollectible = "InvoiceUncollectible";
    public const string ReportPublished = "ReportPublished";
}
