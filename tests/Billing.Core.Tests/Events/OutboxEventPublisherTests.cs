using System.Text.Json;
using Billing.Core.Events;
using Billing.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Core.Tests.Events;

public sealed class OutboxEventPublisherTests
{
    private readonly InMemoryDocumentStore _store = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly FlakyEventSink _sink = new();

    internal static IntegrationEvent Event(string account, int n) =>
        new($"InvoiceIssued:{account}-{n}", EventTypes.InvoiceIssued, account, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), JsonSerializer.SerializeToElement(new { n }));

    [Fact]
    public async Task PublishAsync_WithoutRelay_RecordsEachEventAsPendingUnderItsIdInItsAccountsPartition()
    {
        var publisher = new OutboxEventPublisher(_store, _clock);

        await publisher.PublishAsync([Event("acc-1", 1), Event("acc-2", 1)]);

        var pending = await _store.ReadAsync<PendingEvent>("acc-1", "InvoiceIssued:acc-1-1");
        Assert.NotNull(pending);
        Assert.Equal(_clock.GetUtcNow(), pending.Value.RecordedAt);
        Assert.NotNull(await _store.ReadAsync<PendingEvent>("acc-2", "InvoiceIssued:acc-2-1"));
    }

    [Fact]
    public async Task PublishAsync_EventWithoutAccount_IsRecordedInTheSystemPartition()
    {
        var publisher = new OutboxEventPublisher(_store, _clock);
        var report = Event("", 1) with { Id = "ReportPublished:ar-aging", Type = EventTypes.ReportPublished };

        await publisher.PublishAsync([report]);

        Assert.NotNull(await _store.ReadAsync<PendingEvent>(PendingEvent.SystemPartition, report.Id));
    }

    [Fact]
    public async Task PublishAsync_ReplayedAfterRelay_RecordsNothingNewAndSendsNothingAgain()
    {
        var relay = new EventRelay(_store, _sink, _clock);
        var publisher = new OutboxEventPublisher(_store, _clock, relay);
        IntegrationEvent[] events = [Event("acc-1", 1), Event("acc-1", 2)];
        await publisher.PublishAsync(events);
        var documents = _store.Count;

        _clock.Advance(TimeSpan.FromHours(1));
        await publisher.PublishAsync(events);

        Assert.Equal(documents, _store.Count);
        Assert.Equal(0, (await OutboxStatus.ReadAsync(_store)).Waiting);
        Assert.Equal(["InvoiceIssued:acc-1-1", "InvoiceIssued:acc-1-2"], _sink.AcceptedIds);
    }

    [Fact]
    public async Task PublishAsync_ReplayedWhileWaiting_KeepsTheFirstRecording()
    {
        var publisher = new OutboxEventPublisher(_store, _clock);
        await publisher.PublishAsync([Event("acc-1", 1)]);
        var first = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromMinutes(5));
        await publisher.PublishAsync([Event("acc-1", 1)]);

        var status = await OutboxStatus.ReadAsync(_store);
        Assert.Equal(1, status.Waiting);
        Assert.Equal(first, status.OldestRecordedAt);
    }

    [Fact]
    public async Task PublishAsync_SinkDown_ReturnsNormallyAndTheEventsWait()
    {
        _sink.Down = true;
        var publisher = new OutboxEventPublisher(_store, _clock, new EventRelay(_store, _sink, _clock));

        await publisher.PublishAsync([Event("acc-1", 1), Event("acc-2", 1)]);

        Assert.Equal(2, (await OutboxStatus.ReadAsync(_store)).Waiting);
        Assert.Empty(_sink.Accepted);
    }

    [Fact]
    public async Task PublishAsync_SinkCannotBeBuilt_ReturnsNormallyAndTheEventsWait()
    {
        var relay = new EventRelay(_store, () => throw new InvalidOperationException("Service Bus is not configured"), _clock);
        var publisher = new OutboxEventPublisher(_store, _clock, relay);

        await publisher.PublishAsync([Event("acc-1", 1)]);

        Assert.Equal(1, (await OutboxStatus.ReadAsync(_store)).Waiting);
    }
}
