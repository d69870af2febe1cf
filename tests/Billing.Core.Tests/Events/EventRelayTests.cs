using Billing.Core.Events;
using Billing.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Core.Tests.Events;

public sealed class EventRelayTests
{
    private readonly InMemoryDocumentStore _store = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly FlakyEventSink _sink = new();

    private static IntegrationEvent Event(string account, int n) => OutboxEventPublisherTests.Event(account, n);

    private Task RecordAsync(params IntegrationEvent[] events) => new OutboxEventPublisher(_store, _clock).PublishAsync(events);

    [Fact]
    public async Task RelayAsync_SinkDownForHours_EventsWaitThenAllGoInOrderOnceItIsBack()
    {
        var relay = new EventRelay(_store, _sink, _clock);
        var publisher = new OutboxEventPublisher(_store, _clock, relay);
        _sink.Down = true;
        var recorded = new List<string>();
        for (var hour = 0; hour < 6; hour++)
        {
            for (var n = 0; n < 3; n++)
            {
                var e = Event($"acc-{n}", hour);
                await publisher.PublishAsync([e]);
                recorded.Add(e.Id);
            }

            _clock.Advance(TimeSpan.FromMinutes(30));
            await relay.RelayAsync();
            _clock.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.Empty(_sink.Accepted);
        Assert.Equal(18, (await OutboxStatus.ReadAsync(_store)).Waiting);

        _sink.Down = false;
        _clock.Advance(EventRelayOptions.Default.MaxBackoff);
        var result = await relay.RelayAsync();

        Assert.Equal(new EventRelayResult(18, 0, null), result);
        Assert.Equal(recorded.ToHashSet(), _sink.DistinctIds);
        Assert.Equal(0, (await OutboxStatus.ReadAsync(_store)).Waiting);
        foreach (var account in new[] { "acc-0", "acc-1", "acc-2" })
        {
            Assert.Equal(recorded.Where(id => id.Contains(account, StringComparison.Ordinal)), _sink.AcceptedIds.Where(id => id.Contains(account, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task RelayAsync_CrashBetweenRecordingAndRelaying_NextRelaySendsThem()
    {
        // The flow recorded its events and its process died before any relay ran.
        await RecordAsync(Event("acc-1", 1), Event("acc-1", 2));

        var result = await new EventRelay(_store, _sink, _clock).RelayAsync();

        Assert.Equal(2, result.Relayed);
        Assert.Equal(["InvoiceIssued:acc-1-1", "InvoiceIssued:acc-1-2"], _sink.AcceptedIds);
        Assert.NotNull(await _store.ReadAsync<RelayedEvent>("acc-1", "InvoiceIssued:acc-1-1"));
    }

    [Fact]
    public async Task RelayAsync_CrashAfterSendingBeforeMarking_SendsAgainWithTheSameMessageId()
    {
        await RecordAsync(Event("acc-1", 1));
        _store.BeforeReplace = _ => throw new OperationCanceledException("the process died");
        await Assert.ThrowsAsync<OperationCanceledException>(() => new EventRelay(_store, _sink, _clock).RelayAsync());
        _store.BeforeReplace = null;

        var result = await new EventRelay(_store, _sink, _clock).RelayAsync();

        Assert.Equal(1, result.Relayed);
        Assert.Equal(["InvoiceIssued:acc-1-1", "InvoiceIssued:acc-1-1"], _sink.AcceptedIds);
        Assert.Equal(0, (await OutboxStatus.ReadAsync(_store)).Waiting);
    }

    [Fact]
    public async Task RelayAsync_OneEventRefused_LaterEventsOfThatAccountWaitAndOtherAccountsGo()
    {
        await RecordAsync(Event("acc-1", 1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await RecordAsync(Event("acc-1", 2), Event("acc-2", 1));
        _sink.Refused["InvoiceIssued:acc-1-1"] = true;

        var result = await new EventRelay(_store, _sink, _clock, options: new EventRelayOptions { SendSize = 1 }).RelayAsync();

        Assert.Equal(1, result.Relayed);
        Assert.Equal(2, result.Waiting);
        Assert.NotNull(result.Failure);
        Assert.Equal(["InvoiceIssued:acc-2-1"], _sink.AcceptedIds);
    }

    [Fact]
    public async Task RelayAsync_SinkDown_GivesUpAfterMaxFailedSendsInARow()
    {
        for (var n = 0; n < 5; n++)
        {
            await RecordAsync(Event($"acc-{n}", 1));
        }

        _sink.Down = true;
        var result = await new EventRelay(_store, _sink, _clock, options: new EventRelayOptions { SendSize = 1 }).RelayAsync();

        Assert.Equal(EventRelayOptions.Default.MaxFailuresPerRun, _sink.Calls);
        Assert.Equal(new EventRelayResult(0, 5, "InvalidOperationException: The event sink is unreachable."), result);
    }

    [Fact]
    public async Task RelayAsync_MoreThanMaxEventsPerRun_LeavesTheRestForTheNextRun()
    {
        for (var n = 0; n < 4; n++)
        {
            await RecordAsync(Event($"acc-{n}", 1), Event($"acc-{n}", 2));
        }

        var relay = new EventRelay(_store, _sink, _clock, options: new EventRelayOptions { MaxEventsPerRun = 3 });
        var first = await relay.RelayAsync();
        var second = await relay.RelayAsync();

        Assert.Equal((4, 4), (first.Relayed, first.Waiting));
        Assert.Equal((4, 0), (second.Relayed, second.Waiting));
    }

    [Fact]
    public async Task RelayAsync_AfterAFailedRun_BacksOffDoublingUnlessTold()
    {
        await RecordAsync(Event("acc-1", 1));
        _sink.Down = true;
        var relay = new EventRelay(_store, _sink, _clock);
        await relay.RelayAsync();
        Assert.Equal(_clock.GetUtcNow() + EventRelayOptions.Default.InitialBackoff, relay.RetryAfter);

        var skipped = await relay.RelayAsync();
        await relay.RelayAsync(ignoreBackoff: true);

        Assert.True(skipped.BackingOff);
        Assert.Equal(2, _sink.Calls);
        Assert.Equal(_clock.GetUtcNow() + (EventRelayOptions.Default.InitialBackoff * 2), relay.RetryAfter);
    }

    [Fact]
    public async Task RelayRecentAsync_WhileBackingOff_DoesNotCallTheSinkAndAfterwardsDoes()
    {
        await RecordAsync(Event("acc-1", 1));
        _sink.Down = true;
        var relay = new EventRelay(_store, _sink, _clock);
        await relay.RelayAsync();
        _sink.Down = false;

        var during = await relay.RelayRecentAsync(["acc-1"]);
        _clock.Advance(EventRelayOptions.Default.InitialBackoff);
        var after = await relay.RelayRecentAsync(["acc-1"]);

        Assert.True(during.BackingOff);
        Assert.Equal(1, after.Relayed);
        Assert.Null(relay.RetryAfter);
    }

    [Fact]
    public async Task RelayAsync_TwoRelaysAtOnce_EveryEventMarkedOnceAndDuplicatesCarryTheSameId()
    {
        for (var n = 0; n < 20; n++)
        {
            await RecordAsync(Event($"acc-{n % 4}", n));
        }

        await Task.WhenAll(new EventRelay(_store, _sink, _clock).RelayAsync(), new EventRelay(_store, _sink, _clock).RelayAsync());

        Assert.Equal(20, _sink.DistinctIds.Count);
        Assert.Equal(0, (await OutboxStatus.ReadAsync(_store)).Waiting);
    }
}
