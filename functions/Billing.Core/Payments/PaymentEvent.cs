using Billing.Core.Events;

namespace Billing.Core.Payments;

/// <summary>The payload of <c>PaymentApplied</c>, <c>PaymentParked</c> and <c>PaymentReturned</c>; the event id is type + payment id.</summary>
public sealed record PaymentEvent(
    string PaymentId, string AccountId, string Amount, string Currency, DateOnly BookingDate, string Status, string? Rule, IReadOnlyList<string> Invoices,
    string? CreditedToBalance, string? Reason)
{
    public static IntegrationEvent For(string type, Payment payment, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var data = new PaymentEvent(payment.Id, payment.AccountId, payment.Amount.ToDecimalString(), payment.Amount.Currency.Code, payment.BookingDate,
            payment.Status.ToString(), payment.Rule?.ToString(), payment.Allocations.Select(a => a.InvoiceNumber).ToList(), payment.CreditedToBalance?.ToDecimalString(),
            payment.ParkReason ?? payment.ReturnReason);
        return IntegrationEvent.Create(type, payment.Id, payment.AccountId, at, data);
    }
}
