using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Billing.Azure.Events;
using Billing.Core.Events;
using NSubstitute;

namespace Billing.Azure.Tests.Events;

public sealed class ServiceBusEventPublisherTests
{
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();
    private readonly List<List<ServiceBusMessage>> _sent = [];

    private static IntegrationEvent Event(int n) => IntegrationEvent.Create(
        EventTypes.InvoiceIssued, $"inv-acc-{n}-20260331", $"acc-{n}", new DateTimeOffset(2026, 3, 31, 5, 0, 0, TimeSpan.Zero), new { number = $"INV-2026-{n:D6}" });

    /// <summary>Each batch the sender creates holds at most <paramref name="capacity"/> messages.</summary>
    private void BatchesOf(int capacity)
    {
        _sender.CreateMessageBatchAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            var store = new List<ServiceBusMessage>();
            _sent.Add(store);
            return ValueTask.FromResult(ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, store, tryAddCallback: _ => store.Count < capacity));
        });
    }

    [Fact]
    public async Task Publish_SetsMessageIdSubjectCorrelationAndEventTypeProperty()
    {
        BatchesOf(100);
        var publisher = new ServiceBusEventPublisher(_sender);

        await publisher.PublishAsync([Event(1)]);

        var message = Assert.Single(Assert.Single(_sent));
        Assert.Equal("InvoiceIssued:inv-acc-1-20260331", message.MessageId);
        Assert.Equal("InvoiceIssued", message.Subject);
        Assert.Equal("acc-1", message.CorrelationId);
        Assert.Equal("InvoiceIssued", message.ApplicationProperties["eventType"]);
        Assert.Equal("application/json", message.ContentType);
        using var body = JsonDocument.Parse(message.Body.ToString());
        Assert.Equal("InvoiceIssued:inv-acc-1-20260331", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("INV-2026-000001", body.RootElement.GetProperty("data").GetProperty("number").GetString());
        await _sender.Received(1).SendMessagesAsync(Arg.Any<ServiceBusMessageBatch>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Publish_SplitsIntoNewBatches_WhenABatchIsFull()
    {
        BatchesOf(2);
        var publisher = new ServiceBusEventPublisher(_sender);

        await publisher.PublishAsync([Event(1), Event(2), Event(3), Event(4), Event(5)]);

        Assert.Equal([2, 2, 1], _sent.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"InvoiceIssued:inv-acc-{n}-20260331"), _sent.SelectMany(b => b).Select(m => m.MessageId));
        await _sender.Received(3).SendMessagesAsync(Arg.Any<ServiceBusMessageBatch>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Publish_AnEventTooLargeForAnEmptyBatch_Throws()
    {
        BatchesOf(0);
        var publisher = new ServiceBusEventPublisher(_sender);

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync([Event(1)]));
        await _sender.DidNotReceive().SendMessagesAsync(Arg.Any<ServiceBusMessageBatch>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Publish_Nothing_SendsNothing()
    {
        await new ServiceBusEventPublisher(_sender).PublishAsync([]);

        await _sender.DidNotReceive().CreateMessageBatchAsync(Arg.Any<CancellationToken>());
    }
}
