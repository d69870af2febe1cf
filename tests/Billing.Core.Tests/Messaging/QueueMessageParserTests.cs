using System.Text.Json;
using Billing.Core.Dunning;
using Billing.Core.Messaging;

namespace Billing.Core.Tests.Messaging;

public sealed class QueueMessageParserTests
{
    [Fact]
    public void BillAccount_ValidMessage_IsRead()
    {
        var message = QueueMessageParser.BillAccount("{\"accountId\":\"acc-7\",\"billingDate\":\"2026-03-31\"}");

        Assert.Equal(new BillAccountMessage("acc-7", new DateOnly(2026, 3, 31)), message);
    }

    [Theory]
    [InlineData("{\"accountId\":\" \",\"billingDate\":\"2026-03-31\"}", "accountId")]
    [InlineData("{\"billingDate\":\"2026-03-31\"}", "accountId")]
    [InlineData("{\"accountId\":\"acc-7\"}", "billingDate")]
    public void BillAccount_MissingMember_ThrowsNamingIt(string json, string member)
    {
        var error = Assert.Throws<ArgumentException>(() => QueueMessageParser.BillAccount(json));

        Assert.Contains($"bill-account message needs {member}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"accountId\":\"acc-7\",\"billingDate\":\"31.03.2026\"}")]
    public void BillAccount_NotJsonOfThatShape_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => QueueMessageParser.BillAccount(json));
    }

    [Fact]
    public void SchedulePage_ValidMessage_IsReadWithItsCursor()
    {
        var message = QueueMessageParser.SchedulePage(
            "{\"date\":\"2026-03-31\",\"afterValue\":\"2026-03-30\",\"afterPartitionKey\":\"acc-7\",\"afterId\":\"billing-state\"}", "schedule-billing-page");

        Assert.Equal(new SchedulePageMessage(new DateOnly(2026, 3, 31), "2026-03-30", "acc-7", "billing-state"), message);
        Assert.Equal(new Storage.DocumentCursor("2026-03-30", "acc-7", "billing-state"), message.Cursor);
    }

    [Theory]
    [InlineData("{\"afterValue\":\"open\",\"afterPartitionKey\":\"acc-7\",\"afterId\":\"inv-1\"}", "date")]
    [InlineData("{\"date\":\"2026-03-31\",\"afterPartitionKey\":\"acc-7\",\"afterId\":\"inv-1\"}", "afterValue")]
    [InlineData("{\"date\":\"2026-03-31\",\"afterValue\":\"open\",\"afterPartitionKey\":\"\",\"afterId\":\"inv-1\"}", "afterPartitionKey")]
    [InlineData("{\"date\":\"2026-03-31\",\"afterValue\":\"open\",\"afterPartitionKey\":\"acc-7\"}", "afterId")]
    public void SchedulePage_MissingMember_ThrowsNamingTheQueueAndIt(string json, string member)
    {
        var error = Assert.Throws<ArgumentException>(() => QueueMessageParser.SchedulePage(json, "schedule-dunning-page"));

        Assert.Contains($"A schedule-dunning-page message needs {member}: expected ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"date\":\"31.03.2026\",\"afterValue\":\"open\",\"afterPartitionKey\":\"acc-7\",\"afterId\":\"inv-1\"}")]
    public void SchedulePage_NotJsonOfThatShape_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => QueueMessageParser.SchedulePage(json, "schedule-billing-page"));
    }

    [Fact]
    public void SendInvoice_ValidMessage_IsRead()
    {
        Assert.Equal(new SendInvoiceMessage("acc-7", "inv-acc-7-20260301"), QueueMessageParser.SendInvoice("{\"accountId\":\"acc-7\",\"invoiceId\":\"inv-acc-7-20260301\"}"));
    }

    [Theory]
    [InlineData("{\"invoiceId\":\"inv-1\"}", "accountId")]
    [InlineData("{\"accountId\":\"acc-7\",\"invoiceId\":\"\"}", "invoiceId")]
    public void SendInvoice_MissingMember_ThrowsNamingIt(string json, string member)
    {
        var error = Assert.Throws<ArgumentException>(() => QueueMessageParser.SendInvoice(json));

        Assert.Contains($"send-invoice message needs {member}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DunningNotice_ValidMessage_IsRead()
    {
        var message = QueueMessageParser.DunningNotice("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2}]}");

        Assert.Equal("acc-7", message.AccountId);
        Assert.Equal(new DateOnly(2026, 3, 31), message.RunDate);
        Assert.Equal([new DunningNoticeItem("inv-1", 2)], message.Items);
    }

    [Theory]
    [InlineData("{\"accountId\":\"\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2}]}", "accountId")]
    [InlineData("{\"accountId\":\"acc-7\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2}]}", "runDate")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[]}", "items")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\"}", "items")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2},null]}", "items[1].invoiceId")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\" \",\"stage\":2}]}", "items[0].invoiceId")]
    public void DunningNotice_MissingMember_ThrowsNamingIt(string json, string member)
    {
        var error = Assert.Throws<ArgumentException>(() => QueueMessageParser.DunningNotice(json));

        Assert.Contains($"dunning-notice message needs {member}:", error.Message, StringComparison.Ordinal);
    }
}
