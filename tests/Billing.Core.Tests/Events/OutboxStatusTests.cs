using Billing.Core.Events;
using Billing.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Core.Tests.Events;

public sealed class OutboxStatusTests
{
    [Fact]
    public async Task ReadAsync_SomeRelayedSomeWaiting_CountsOnlyTheWaitingWithTheOldestFirst()
    {
        var store = new InMemoryDocumentStore();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
        var sink = new FlakyEventSink();
        var publisher = new OutboxEventPublisher(store, clock, new EventRelay(store, sink, clock));
        await publisher.PublishAsync([OutboxEventPublisherTests.Event("acc-1", 1)]);
        sink.Down = true;
        clock.Advance(TimeSpan.FromMinutes(1));
        var since = clock.GetUtcNow();
        await publisher.PublishAsync([OutboxEventPublisherTests.Event("acc-2", 1)]);
        clock.Advance(TimeSpan.FromMinutes(1));
        await publisher.PublishAsync([OutboxEventPublisherTests.Event("acc-1", 2) with { Type = EventTypes.PaymentApplied }]);

        var status = await OutboxStatus.ReadAsync(store);

        Assert.Equal(2, status.Waiting);
        Assert.Equal(since, status.OldestRecordedAt);
        Assert.Equal(["InvoiceIssued:acc-2-1", "InvoiceIssued:acc-1-2"], status.Oldest.Select(e => e.Event.Id));
        Assert.Equal(1, status.WaitingByType[EventTypes.InvoiceIssued]);
        Assert.Equal(1, status.WaitingByType[EventTypes.PaymentApplied]);
    }

    [Fact]
    public async Task ReadAsync_EmptyOutbox_HasNoOldest()
    {
        var status = await OutboxStatus.ReadAsync(new InMemoryDocumentStore());

        Assert.Equal(0, status.Waiting);
        Assert.Null(status.OldestRecordedAt);
    }
}
