using Billing.Core.Storage;

namespace Billing.Core.Reporting;

/// <summary>
/// Keeps report snapshots immutable: a snapshot is only ever created, never replaced. Storing content for a report
/// and date compares it (by content hash) with the newest version stored; the same content stores nothing, different
/// content becomes the next version (<c>-v2</c>, <c>-v3</c>…). Two writers racing on one version both end on a stored
/// snapshot: the loser re-reads and compares again.
/// </summary>
public sealed class ReportSnapshotStore(IDocumentStore store)
{
    public async Task<(ReportSnapshot Snapshot, SnapshotOutcome Outcome)> StoreAsync(ReportContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = ReportSnapshot.HashOf(content);
        ReportSnapshot? newest = null;
        for (var version = 1; ; version++)
        {
            var id = ReportSnapshot.IdFor(content.Report, content.AsOf, version);
            var existing = await store.ReadAsync<ReportSnapshot>(content.Report, id, cancellationToken);
            if (existing is not null)
            {
                newest = existing.Value;
                continue;
            }

            if (newest?.ContentHash == hash)
            {
                return (newest, SnapshotOutcome.Unchanged);
            }

            var snapshot = new ReportSnapshot { Id = id, Version = version, ContentHash = hash, Content = content };
            if (await store.TryCreateAsync(content.Report, id, snapshot, cancellationToken) is not null)
            {
                return (snapshot, version == 1 ? SnapshotOutcome.Created : SnapshotOutcome.NewVersion);
            }

            // Someone stored this version meanwhile: look at it as the newest and go on.
            version--;
        }
    }

    /// <summary>Every version of <paramref name="report"/> as of <paramref name="asOf"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReportSnapshot>> VersionsAsync(string report, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var versions = new List<ReportSnapshot>();
        for (var version = 1; ; version++)
        {
            var stored = await store.ReadAsync<ReportSnapshot>(report, ReportSnapshot.IdFor(report, asOf, version), cancellationToken);
            if (stored is null)
            {
                return versions;
            }

            versions.Add(stored.Value);
        }
    }
}
