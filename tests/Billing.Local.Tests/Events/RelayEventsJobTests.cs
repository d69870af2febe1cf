using Billing.Core.Events;
using Billing.Local.Events;
using Billing.Local.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Local.Tests.Events;

/// <summary>The embedded default's outbox as the CLI wires it: flows record into billing.db, the relay appends to events.jsonl.</summary>
public sealed class RelayEventsJobTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));

    private static IntegrationEvent Issued(string invoiceId) =>
        IntegrationEvent.Create(EventTypes.InvoiceIssued, invoiceId, "acc-1", new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero), new { invoiceId });

    private string EventsFile => Path.Combine(_dir.Path, "events.jsonl");

    [Fact]
    public async Task PublishAsync_EventsFileWritable_AppendsTheEventsAtOnceAndNothingWaits()
    {
        await using var services = LocalBillingHost.Build(_dir.Path, _clock);

        await services.GetRequiredService<IEventPublisher>().PublishAsync([Issued("inv-1"), Issued("inv-2")]);

        Assert.Equal(2, File.ReadAllLines(EventsFile).Length);
        Assert.Equal(0, (await OutboxStatus.ReadAsync(services.GetRequiredService<Billing.Core.Storage.IDocumentStore>())).Waiting);
    }

    [Fact]
    public async Task RunAsync_EventsFileWasUnwritableWhenTheFlowRan_RelaysWhatWaitedOnceItIsWritable()
    {
        await using var services = LocalBillingHost.Build(_dir.Path, _clock);
        Directory.CreateDirectory(EventsFile); // a folder where the file should be: every append fails

        await services.GetRequiredService<IEventPublisher>().PublishAsync([Issued("inv-1")]);
        var waiting = await OutboxStatus.ReadAsync(services.GetRequiredService<Billing.Core.Storage.IDocumentStore>());
        Directory.Delete(EventsFile);
        var result = await services.GetServices<Billing.Local.Scheduling.ILocalScheduledJob>().OfType<RelayEventsJob>().Single().RunAsync(new DateOnly(2026, 3, 2), CancellationToken.None);

        Assert.Equal(1, waiting.Waiting);
        Assert.Equal("1 relayed, 0 waiting in the outbox", result.Note);
        Assert.Contains("InvoiceIssued:inv-1", File.ReadAllText(EventsFile), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
