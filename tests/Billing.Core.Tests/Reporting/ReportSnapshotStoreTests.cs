using Billing.Core.Reporting;
using Billing.Testing;

namespace Billing.Core.Tests.Reporting;

public sealed class ReportSnapshotStoreTests
{
    private static ReportContent Content(string value) => new()
    {
        Report = ReportNames.Aging, AsOf = new DateOnly(2026, 3, 31), Title = "Aging",
        Summary = [new KeyFigure("open.EUR", "Open", value, "EUR")], Sections = [],
    };

    [Fact]
    public async Task Store_SameContentTwice_StoresOnce()
    {
        var store = new InMemoryDocumentStore();
        var snapshots = new ReportSnapshotStore(store);

        var first = await snapshots.StoreAsync(Content("10.00"));
        var second = await snapshots.StoreAsync(Content("10.00"));

        Assert.Equal((SnapshotOutcome.Created, "aging-2026-03-31"), (first.Outcome, first.Snapshot.Id));
        Assert.Equal((SnapshotOutcome.Unchanged, first.Snapshot.Id, first.Snapshot.ContentHash), (second.Outcome, second.Snapshot.Id, second.Snapshot.ContentHash));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Store_DifferentContent_BecomesTheNextVersionAndTheFirstStays()
    {
        var store = new InMemoryDocumentStore();
        var snapshots = new ReportSnapshotStore(store);
        var first = await snapshots.StoreAsync(Content("10.00"));

        var second = await snapshots.StoreAsync(Content("12.00"));
        var third = await snapshots.StoreAsync(Content("10.00"));

        Assert.Equal((SnapshotOutcome.NewVersion, "aging-2026-03-31-v2", 2), (second.Outcome, second.Snapshot.Id, second.Snapshot.Version));
        Assert.Equal((SnapshotOutcome.NewVersion, "aging-2026-03-31-v3"), (third.Outcome, third.Snapshot.Id));
        var kept = (await store.ReadAsync<ReportSnapshot>(ReportNames.Aging, "aging-2026-03-31"))!.Value;
        Assert.Equal((first.Snapshot.Version, first.Snapshot.ContentHash), (kept.Version, ReportSnapshot.HashOf(kept.Content)));
        Assert.Equal(first.Snapshot.ContentHash, third.Snapshot.ContentHash);
    }

    [Fact]
    public async Task Store_RacingWriterWonTheVersion_ComparesWithItsContent()
    {
        var store = new InMemoryDocumentStore();
        var snapshots = new ReportSnapshotStore(store);
        var content = Content("10.00");
        await store.TryCreateAsync(ReportNames.Aging, "aging-2026-03-31", ReportSnapshot.Of(content));

        var result = await snapshots.StoreAsync(content);

        Assert.Equal(SnapshotOutcome.Unchanged, result.Outcome);
    }

    [Fact]
    public void HashOf_EqualContent_IsEqual() =>
        Assert.Equal(ReportSnapshot.HashOf(Content("1.00")), ReportSnapshot.HashOf(Content("1.00")));

    [Theory]
    [InlineData(1, "aging-2026-03-31")]
    [InlineData(2, "aging-2026-03-31-v2")]
    public void IdFor_Version_IsReportDateAndSuffix(int version, string expected) =>
        Assert.Equal(expected, ReportSnapshot.IdFor(ReportNames.Aging, new DateOnly(2026, 3, 31), version));
}
