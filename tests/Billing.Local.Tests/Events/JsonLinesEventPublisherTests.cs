using System.Text.Json;
using Billing.Core.Events;
using Billing.Local.Events;
using Billing.Local.Tests.Support;

namespace Billing.Local.Tests.Events;

public sealed class JsonLinesEventPublisherTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();

    private static IntegrationEvent Issued(string invoiceId) =>
        IntegrationEvent.Create(EventTypes.InvoiceIssued, invoiceId, "acc-1", new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero), new { invoiceId });

    private string[] Lines() => File.ReadAllLines(Path.Combine(_dir.Path, "events.jsonl"));

    [Fact]
    public async Task PublishAsync_Event_AppendsOneJsonLineWithTheEnvelopeFields()
    {
        using var publisher = new JsonLinesEventPublisher(_dir.Data);

        await publisher.PublishAsync([Issued("inv-1")]);

        using var line = JsonDocument.Parse(Lines().Single());
        Assert.Equal("InvoiceIssued:inv-1", line.RootElement.GetProperty("id").GetString());
        Assert.Equal("InvoiceIssued", line.RootElement.GetProperty("type").GetString());
        Assert.Equal("acc-1", line.RootElement.GetProperty("accountId").GetString());
        Assert.Equal("inv-1", line.RootElement.GetProperty("data").GetProperty("invoiceId").GetString());
        Assert.True(line.RootElement.TryGetProperty("occurredAt", out _));
    }

    [Fact]
    public async Task PublishAsync_DuplicateId_WritesOneLine()
    {
        using var publisher = new JsonLinesEventPublisher(_dir.Data);

        await publisher.PublishAsync([Issued("inv-1"), Issued("inv-1")]);
        await publisher.PublishAsync([Issued("inv-1"), Issued("inv-2")]);

        Assert.Equal(2, Lines().Length);
    }

    [Fact]
    public async Task PublishAsync_IdWrittenByAnotherPublisher_IsSkipped()
    {
        using (var earlier = new JsonLinesEventPublisher(_dir.Data))
        {
            await earlier.PublishAsync([Issued("inv-1")]);
        }

        using var later = new JsonLinesEventPublisher(_dir.Data);
        await later.PublishAsync([Issued("inv-1")]);

        Assert.Single(Lines());
    }

    [Fact]
    public async Task PublishAsync_ConcurrentCallersWithOverlappingIds_WritesEachIdOnce()
    {
        using var publisher = new JsonLinesEventPublisher(_dir.Data);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => publisher.PublishAsync([Issued($"inv-{i % 4}")]))));

        Assert.Equal(4, Lines().Length);
    }

    public void Dispose() => _dir.Dispose();
}
