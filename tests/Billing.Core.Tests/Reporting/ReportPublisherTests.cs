using System.Text;
using Billing.Core.Events;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Reporting;
using Billing.Core.Storage;
using Billing.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Billing.Testing.ReportScenario;

namespace Billing.Core.Tests.Reporting;

public sealed class ReportPublisherTests
{
    private static Task<BillingWorld> WorldAsync() =>
        CreateAsync(services => services.AddSingleton<IReportFormat, HashFormat>());

    [Fact]
    public async Task Publish_WritesEachSnapshotToStoreBlobsAndEvents()
    {
        using var world = await WorldAsync();

        var publication = await world.Get<ReportPublisher>().PublishAsync(End);

        Assert.Equal(ReportNames.Daily.Where(r => r != ReportNames.DunningFunnel || publication.Reports.Any(p => p.Report == r)), publication.Reports.Select(r => r.Report));
        Assert.All(publication.Reports, r => Assert.Equal(SnapshotOutcome.Created, r.Outcome));
        Assert.Contains(publication.Reports, r => r.SnapshotId == "aging-2026-03-31");
        foreach (var report in publication.Reports)
        {
            Assert.NotNull(await world.Store.ReadAsync<ReportSnapshot>(report.Report, report.SnapshotId));
            Assert.Contains(new BlobRef("reports", $"2026-03-31/{report.Report}.txt"), world.Blobs.Blobs);
            Assert.Contains(new BlobRef("reports", $"latest/{report.Report}.txt"), world.Blobs.Blobs);
            Assert.True(world.Events.Events.ContainsKey($"{EventTypes.ReportPublished}:{report.SnapshotId}"));
        }

        Assert.Equal("2026-03-31/index.txt", publication.IndexPath);
        Assert.Contains(new BlobRef("reports", "latest/index.txt"), world.Blobs.Blobs);
    }

    [Fact]
    public async Task Publish_AgainForTheSameDate_ChangesNothing()
    {
        using var world = await WorldAsync();
        var publisher = world.Get<ReportPublisher>();
        await publisher.PublishAsync(End);
        var documents = world.Store.Count;
        var blobs = world.Blobs.Blobs.Count;

        var again = await publisher.PublishAsync(End);

        Assert.All(again.Reports, r => Assert.Equal(SnapshotOutcome.Unchanged, r.Outcome));
        Assert.Equal(documents, world.Store.Count);
        Assert.Equal(blobs, world.Blobs.Blobs.Count);
    }

    [Fact]
    public async Task Publish_AfterALatePayment_StoresANewVersionAndKeepsTheFirst()
    {
        using var world = await WorldAsync();
        var publisher = world.Get<ReportPublisher>();
        await publisher.PublishAsync(End);
        var first = (await world.Store.ReadAsync<ReportSnapshot>(ReportNames.Aging, "aging-2026-03-31"))!.Value;
        var open = (await world.InvoicesAsync()).First(i => i.Status == global::Billing.Core.Invoicing.InvoiceStatus.Open && i.Currency.Code == "EUR");
        await PayAsync(world, open, Money.Of(10m, "EUR"), End, "pay-late", MatchRule.InvoiceNumber);

        var again = await publisher.PublishAsync(End);

        var aging = again.Reports.Single(r => r.Report == ReportNames.Aging);
        Assert.Equal((SnapshotOutcome.NewVersion, "aging-2026-03-31-v2", 2), (aging.Outcome, aging.SnapshotId, aging.Version));
        var kept = (await world.Store.ReadAsync<ReportSnapshot>(ReportNames.Aging, "aging-2026-03-31"))!.Value;
        Assert.Equal(first.ContentHash, ReportSnapshot.HashOf(kept.Content));
        Assert.NotEqual(first.ContentHash, aging.ContentHash);
        Assert.Contains("2026-03-31/aging-v2.txt", aging.BlobPaths);
        Assert.Equal(aging.ContentHash, await ReadAsync(world, "latest/aging.txt"));
        Assert.Equal(first.ContentHash, await ReadAsync(world, "2026-03-31/aging.txt"));
        Assert.Equal(2, (await world.Get<ReportSnapshotStore>().VersionsAsync(ReportNames.Aging, End)).Count);
    }

    [Fact]
    public async Task Publish_ForAnEarlierDate_LeavesLatestAlone()
    {
        using var world = await WorldAsync();
        var publisher = world.Get<ReportPublisher>();
        var current = await publisher.PublishAsync(End);

        await publisher.PublishAsync(End.AddDays(-10));

        Assert.Equal(current.Reports.Single(r => r.Report == ReportNames.Aging).ContentHash, await ReadAsync(world, "latest/aging.txt"));
        Assert.Contains(new BlobRef("reports", "2026-03-21/aging.txt"), world.Blobs.Blobs);
    }

    [Fact]
    public async Task Publish_NextDay_ComparesAgingWithThePreviousSnapshot()
    {
        using var world = await WorldAsync();
        var publisher = world.Get<ReportPublisher>();
        await publisher.PublishAsync(End.AddDays(-1));

        var next = await publisher.PublishAsync(End);

        Assert.Contains(next.Reports.Single(r => r.Report == ReportNames.Aging).Summary, f => f.Key == "change.EUR");
    }

    [Fact]
    public async Task Publish_DayAfterMonthEnd_AddsTheCloseReports()
    {
        using var world = await WorldAsync();

        var publication = await world.Get<ReportPublisher>().PublishAsync(End.AddDays(1));

        Assert.Contains(publication.Reports, r => r.SnapshotId == "close-month-2026-03-31");
        Assert.Contains(publication.Reports, r => r.SnapshotId == "close-quarter-2026-03-31");
        Assert.Contains(new BlobRef("reports", "2026-04-01/close-quarter.txt"), world.Blobs.Blobs);
    }

    private static async Task<string> ReadAsync(BillingWorld world, string path)
    {
        await using var stream = (await world.Blobs.OpenReadAsync(new BlobRef("reports", path)))!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>A format that writes the snapshot's content hash, so a test can tell which version a blob holds.</summary>
    private sealed class HashFormat : IReportIndexFormat
    {
        public string Extension => "txt";

        public string ContentType => "text/plain";

        public void Write(ReportSnapshot snapshot, Stream destination) => destination.Write(Encoding.UTF8.GetBytes(snapshot.ContentHash));

        public void WriteIndex(ReportIndex index, Stream destination) =>
            destination.Write(Encoding.UTF8.GetBytes(string.Join('\n', index.Entries.Select(e => e.SnapshotId))));
    }
}
