using System.Text.Json;
using Billing.Core.Monetary;
using Billing.Core.Matching;
using Billing.Core.Payments;
using Billing.Core.Serialization;

namespace Billing.Core.Tests.Payments;

public sealed class PaymentTests
{
    // A payment document as stored before BankTransaction existed (a parked credit), byte for byte.
    private const string StoredBefore = """
        {"id":"pay-1","accountId":"_suspense","bankFileId":"abc","amount":{"amount":"119.00","currency":"EUR"},"bookingDate":"2026-01-20",
        "valueDate":"2026-01-21","receivingAccount":"DE89370400440532013000","payerName":"Acme","payerIban":"DE02120300000000202051",
        "remittanceInfo":"thanks","endToEndId":"E2E-1","creditorReference":"RF18539007547034","bankReference":"B1","status":"parked",
        "confidence":0,"allocations":[],"suggestions":[],"recordedAt":"2026-01-20T06:00:00+00:00","isReturn":false}
        """;

    [Fact]
    public void Deserialize_DocumentStoredBeforeBankTransaction_ReadsEveryField()
    {
        var payment = BillingJson.Deserialize<Payment>(StoredBefore);

        Assert.Equal(new DateOnly(2026, 1, 20), payment.BookingDate);
        Assert.Equal(new DateOnly(2026, 1, 21), payment.ValueDate);
        Assert.Equal("DE89370400440532013000", payment.ReceivingAccount);
        Assert.Equal(("Acme", "DE02120300000000202051", "thanks"), (payment.PayerName, payment.PayerIban, payment.RemittanceInfo));
        Assert.Equal(("E2E-1", "RF18539007547034", "B1"), (payment.EndToEndId, payment.CreditorReference, payment.BankReference));
        Assert.Equal(Money.Of(119m, "EUR"), payment.Amount);
        Assert.Equal(PaymentStatus.Parked, payment.Status);
    }

    [Fact]
    public void Serialize_Payment_KeepsTheTransactionAsTopLevelProperties()
    {
        var payment = BillingJson.Deserialize<Payment>(StoredBefore);

        using var json = JsonDocument.Parse(BillingJson.Serialize(payment));

        foreach (var property in new[] { "bookingDate", "valueDate", "receivingAccount", "payerName", "payerIban", "remittanceInfo", "endToEndId", "creditorReference", "bankReference" })
        {
            Assert.True(json.RootElement.TryGetProperty(property, out _), $"'{property}' is not a top-level property");
        }

        Assert.Equal(BillingJson.Serialize(payment), BillingJson.Serialize(BillingJson.Deserialize<Payment>(BillingJson.Serialize(payment))));
    }

    [Fact]
    public void Of_Transaction_CopiesItsDetails()
    {
        var transaction = new BankTransaction { BookingDate = new DateOnly(2026, 2, 3), PayerName = "Globex", BankReference = "B9", EndToEndId = "E9" };

        var payment = Payment.Of(transaction, "pay-9", "globex", "file", Money.Of(5m, "EUR"), PaymentStatus.Applied, DateTimeOffset.UnixEpoch);

        Assert.Equal((new DateOnly(2026, 2, 3), "Globex", "B9", "E9"), (payment.BookingDate, payment.PayerName, payment.BankReference, payment.EndToEndId));
        Assert.Equal(("pay-9", "globex", PaymentStatus.Applied), (payment.Id, payment.AccountId, payment.Status));
    }
}
