using Azure.Messaging.ServiceBus;
using Billing.Azure.Events;
using Billing.Azure.Tests.Emulators;
using Billing.Core.Events;
using Billing.Testing.Emulators;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Billing.Azure.Tests.Events;

/// <summary>The outbox as it runs in Azure: events recorded in Cosmos DB (the stand-in), relayed through the real publisher to a sender double.</summary>
public sealed class ServiceBusOutboxRelayTests(CosmosEmulatorFixture cosmos) : IClassFixture<CosmosEmulatorFixture>
{
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();
    private readonly List<string> _sentIds = [];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly string _account = $"acc-{Guid.NewGuid().ToString("N")[..8]}";

    private IntegrationEvent Event(int n) => IntegrationEvent.Create(
        EventTypes.PaymentApplied, $"{_account}-pay-{n}", _account, new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero), new { n });

    /// <summary>While <paramref name="outage"/> is true every send fails as an unreachable namespace does.</summary>
    private void Sender(Func<bool> outage)
    {
        _sender.CreateMessageBatchAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            var batch = new List<ServiceBusMessage>();
            return ValueTask.FromResult(ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, batch, tryAddCallback: m =>
            {
                batch.Add(m);
                return true;
            }));
        });
        _sender.SendMessagesAsync(Arg.Any<ServiceBusMessageBatch>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            if (outage())
            {
                throw new ServiceBusException("The namespace is unreachable.", ServiceBusFailureReason.ServiceCommunicationProblem);
            }

            return Task.CompletedTask;
        });
    }

    [EmulatorFact]
    public async Task RelayAsync_ServiceBusDownForHours_EventsWaitInCosmosThenGoWithTheirMessageIds()
    {
        var down = true;
        Sender(() => down);
        var sentMessages = new List<ServiceBusMessage>();
        var publisher = new RecordingServiceBusPublisher(new ServiceBusEventPublisher(_sender), sentMessages);
        var store = cosmos.CreateStore();
        var relay = new EventRelay(store, publisher, _clock);
        var flows = new OutboxEventPublisher(store, _clock, relay);

        await flows.PublishAsync([Event(1), Event(2)]);
        _clock.Advance(TimeSpan.FromHours(3));
        await flows.PublishAsync([Event(3)]);
        var during = await relay.RelayAsync(ignoreBackoff: true);
        down = false;
        var after = await relay.RelayAsync(ignoreBackoff: true);

        Assert.Equal(0, during.Relayed);
        Assert.Contains("ServiceCommunicationProblem", during.Failure, StringComparison.Ordinal);
        Assert.Equal(3, after.Relayed);
        Assert.Equal([Event(1).Id, Event(2).Id, Event(3).Id], sentMessages.Select(m => m.MessageId));
        Assert.Null(await store.ReadAsync<PendingEvent>(_account, Event(3).Id));
        Assert.NotNull(await store.ReadAsync<RelayedEvent>(_account, Event(3).Id));
    }

    [EmulatorFact]
    public async Task PublishAsync_ReplayAfterRelay_RecordsNothingNewInCosmos()
    {
        Sender(() => false);
        var store = cosmos.CreateStore();
        var flows = new OutboxEventPublisher(store, _clock, new EventRelay(store, new ServiceBusEventPublisher(_sender), _clock));
        await flows.PublishAsync([Event(1)]);
        var created = store.Operations.Creates;

        await flows.PublishAsync([Event(1)]);

        Assert.Equal(created + 1, store.Operations.Creates); // one attempt, answered 409
        Assert.Null(await store.ReadAsync<PendingEvent>(_account, Event(1).Id));
        await _sender.Received(1).SendMessagesAsync(Arg.Any<ServiceBusMessageBatch>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RelayAsync_SenderThrows_TheFailureNamesServiceBusAndNothingIsThrown()
    {
        Sender(() => true);
        var store = Substitute.For<Billing.Core.Storage.IDocumentStore>();
        store.QueryAllAsync<PendingEvent>(Arg.Any<CancellationToken>()).Returns(Pending(Event(1)));
        var relay = new EventRelay(store, new ServiceBusEventPublisher(_sender), _clock);

        var result = await relay.RelayAsync();

        Assert.Equal((0, 1), (result.Relayed, result.Waiting));
        Assert.StartsWith("ServiceBusException:", result.Failure, StringComparison.Ordinal);
        await store.DidNotReceiveWithAnyArgs().ReplaceAsync<RelayedEvent>(default!, default!, default!, default!, default);
    }

    private static async IAsyncEnumerable<Billing.Core.Storage.Stored<PendingEvent>> Pending(IntegrationEvent e)
    {
        await Task.Yield();
        yield return new(new Billing.Core.Storage.DocumentKey("billing", e.AccountId, e.Id), new PendingEvent(e, DateTimeOffset.UnixEpoch, 0), "etag-1");
    }

    /// <summary>Keeps the messages the real publisher built, as Service Bus would receive them.</summary>
    private sealed class RecordingServiceBusPublisher(ServiceBusEventPublisher inner, List<ServiceBusMessage> sent) : IEventPublisher
    {
        public async Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
        {
            await inner.PublishAsync(events, cancellationToken);
            sent.AddRange(events.Select(ServiceBusEventPublisher.ToMessage));
        }
    }
}
