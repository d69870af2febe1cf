using System.Text.Json;
using Billing.Core.Dunning;
using Billing.Core.Serialization;

namespace Billing.Core.Messaging;

/// <summary>
/// The one place where the work-queue messages are read: both hosts (the queue triggers in Azure, the local queue
/// handlers) call these, so a message that one host accepts the other accepts too. A message that is not JSON throws
/// <see cref="JsonException"/> (naming the position); valid JSON of the wrong shape throws <see cref="ArgumentException"/>
/// naming the queue, the member and what was expected. Either way the message is retried and, after the queue's
/// maximum dequeue count, poisoned: a message that cannot be read never becomes right by waiting, and nothing was done.
/// </summary>
public static class QueueMessageParser
{
    /// <summary>A <c>bill-account</c> message: <c>{"accountId": non-blank, "billingDate": "YYYY-MM-DD"}</c>.</summary>
    public static BillAccountMessage BillAccount(string json)
    {
        var message = BillingJson.Deserialize<BillAccountMessage>(json);
        Require(!string.IsNullOrWhiteSpace(message.AccountId), "bill-account", "accountId", "a non-blank account id");
        Require(message.BillingDate != default, "bill-account", "billingDate", "a date (YYYY-MM-DD)");
        return message;
    }

    /// <summary>A <c>send-invoice</c> message: <c>{"accountId": non-blank, "invoiceId": non-blank}</c>.</summary>
    public static SendInvoiceMessage SendInvoice(string json)
    {
        var message = BillingJson.Deserialize<SendInvoiceMessage>(json);
        Require(!string.IsNullOrWhiteSpace(message.AccountId), "send-invoice", "accountId", "a non-blank account id");
        Require(!string.IsNullOrWhiteSpace(message.InvoiceId), "send-invoice", "invoiceId", "a non-blank invoice id");
        return message;
    }

    /// <summary>
    /// A <c>dunning-notice</c> message: <c>{"accountId": non-blank, "runDate": "YYYY-MM-DD", "items": [{"invoiceId":
    /// non-blank, "stage": n}, …at least one]}</c>.
    /// </summary>
    public static DunningNoticeMessage DunningNotice(string json)
    {
        var message = BillingJson.Deserialize<DunningNoticeMessage>(json);
        Require(!string.IsNullOrWhiteSpace(message.AccountId), "dunning-notice", "accountId", "a non-blank account id");
        Require(message.RunDate != default, "dunning-notice", "runDate", "a date (YYYY-MM-DD)");
        Require(message.Items is { Count: > 0 }, "dunning-notice", "items", "at least one invoice and stage");
        for (var i = 0; i < message.Items.Count; i++)
        {
            Require(message.Items[i] is { InvoiceId: { } id } && !string.IsNullOrWhiteSpace(id), "dunning-notice", $"items[{i}].invoiceId", "a non-blank invoice id");
        }

        return message;
    }

    /// <summary>
    /// A <c>schedule-billing-page</c> or <c>schedule-dunning-page</c> message (<paramref name="queue"/> names it in errors):
    /// <c>{"date": "YYYY-MM-DD", "afterValue": string, "afterPartitionKey": non-blank, "afterId": non-blank}</c>.
    /// </summary>
    public static SchedulePageMessage SchedulePage(string json, string queue)
    {
        var message = BillingJson.Deserialize<SchedulePageMessage>(json);
        Require(message.Date != default, queue, "date", "a date (YYYY-MM-DD)");
        Require(message.AfterValue is not null, queue, "afterValue", "the ordering value of the last document of the previous page");
        Require(!string.IsNullOrWhiteSpace(message.AfterPartitionKey), queue, "afterPartitionKey", "the non-blank partition key of the last document of the previous page");
        Require(!string.IsNullOrWhiteSpace(message.AfterId), queue, "afterId", "the non-blank id of the last document of the previous page");
        return message;
    }

    private static void Require(bool condition, string queue, string member, string expected)
    {
        if (!condition)
        {
            throw new ArgumentException($"A {queue} message needs {member}: expected {expected}.", "message");
        }
    }
}
