using System.Globalization;
using Billing.Core.Events;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Reporting;

/// <summary>
/// The <c>SnapshotReports</c> use case: computes the snapshots as of a date (<see cref="ReportBuilder"/>), stores each
/// immutably (<see cref="ReportSnapshotStore"/>), writes its files in every registered <see cref="IReportFormat"/> to the
/// reports blob container and publishes <c>ReportPublished</c> (id <c>ReportPublished:{snapshot id}</c>).
/// <para>
/// Blobs: <c>{yyyy-MM-dd}/{report}.{ext}</c> for a first version and <c>{yyyy-MM-dd}/{report}-v{n}.{ext}</c> for later
/// ones, created once and never overwritten; <c>{yyyy-MM-dd}/index.html</c> lists the date's newest versions;
/// <c>latest/{report}.{ext}</c> and <c>latest/index.html</c> are replaced by every publication that is not older than
/// the one they show. Running it twice for a date changes nothing the second time.
/// </para>
/// </summary>
public sealed partial class ReportPublisher(
    ReportBuilder builder,
    ReportSnapshotStore snapshots,
    IBlobStore blobs,
    IEnumerable<IReportFormat> formats,
    IEventPublisher events,
    IOptions<BlobContainerOptions> containers,
    TimeProvider time,
    ILogger<ReportPublisher> logger)
{
    public const string LatestFolder = "latest";

    private const string AsOfMetadata = "asOf";

    private readonly IReadOnlyList<IReportFormat> _formats = formats.ToList();

    /// <summary>Publishes the daily snapshots as of <paramref name="asOf"/> and the close reports of the periods that closed.</summary>
    public async Task<ReportPublication> PublishAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        await PublishContentsAsync(asOf, await builder.BuildAsync(asOf, cancellationToken), cancellationToken);

    /// <summary>Publishes the daily snapshots as of <paramref name="asOf"/> and the close reports of <paramref name="periods"/> (a re-run of a close, say).</summary>
    public async Task<ReportPublication> PublishAsync(DateOnly asOf, IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken = default) =>
        await PublishContentsAsync(asOf, await builder.BuildAsync(asOf, periods, cancellationToken), cancellationToken);

    /// <summary>Where a snapshot's file of extension <paramref name="extension"/> is kept for the publication of <paramref name="asOf"/>.</summary>
    public static string PathOf(DateOnly asOf, ReportSnapshot snapshot, string extension)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return $"{Folder(asOf)}/{FileName(snapshot, extension)}";
    }

    private static string Folder(DateOnly asOf) => asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileName(ReportSnapshot snapshot, string extension) =>
        snapshot.Version == 1 ? $"{snapshot.Report}.{extension}" : $"{snapshot.Report}-v{snapshot.Version.ToString(CultureInfo.InvariantCulture)}.{extension}";

    private async Task<ReportPublication> PublishContentsAsync(DateOnly asOf, IReadOnlyList<ReportContent> contents, CancellationToken cancellationToken)
    {
        var container = containers.Value.Reports;
        var updateLatest = await IsLatestAsync(container, asOf, cancellationToken);
        var published = new List<PublishedReport>();
        var stored = new List<ReportSnapshot>();
        foreach (var content in contents)
        {
            var (snapshot, outcome) = await snapshots.StoreAsync(content, cancellationToken);
            var paths = await WriteFilesAsync(container, asOf, snapshot, updateLatest, cancellationToken);
            await events.PublishAsync(
                [IntegrationEvent.Create(EventTypes.ReportPublished, snapshot.Id, "", time.GetUtcNow(),
                    new ReportPublished(snapshot.Id, snapshot.Report, snapshot.AsOf, snapshot.Version, snapshot.ContentHash, container, paths))],
                cancellationToken);
            LogPublished(snapshot.Id, outcome);
            stored.Add(snapshot);
            published.Add(new PublishedReport(snapshot.Id, snapshot.Report, content.Title, snapshot.Version, snapshot.ContentHash, outcome, content.Summary, paths));
        }

        var indexPath = await WriteIndexesAsync(container, asOf, stored, updateLatest, cancellationToken);
        return new ReportPublication(asOf, container, indexPath, published);
    }

    private async Task<IReadOnlyList<string>> WriteFilesAsync(string container, DateOnly asOf, ReportSnapshot snapshot, bool updateLatest, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        var metadata = new Dictionary<string, string>
        {
            ["snapshotId"] = snapshot.Id, ["contentHash"] = snapshot.ContentHash, [AsOfMetadata] = Folder(asOf),
        };
        foreach (var format in _formats)
        {
            using var content = new MemoryStream();
            format.Write(snapshot, content);
            var path = PathOf(asOf, snapshot, format.Extension);
            content.Position = 0;
            await blobs.TryCreateAsync(new BlobRef(container, path), content, format.ContentType, metadata, cancellationToken);
            paths.Add(path);
            if (updateLatest)
            {
                content.Position = 0;
                await blobs.WriteAsync(new BlobRef(container, $"{LatestFolder}/{snapshot.Report}.{format.Extension}"), content, format.ContentType, metadata, cancellationToken);
            }
        }

        return paths;
    }

    private async Task<string?> WriteIndexesAsync(string container, DateOnly asOf, IReadOnlyList<ReportSnapshot> stored, bool updateLatest, CancellationToken cancellationToken)
    {
        string? indexPath = null;
        var metadata = new Dictionary<string, string> { [AsOfMetadata] = Folder(asOf) };
        foreach (var format in _formats.OfType<IReportIndexFormat>())
        {
            var dated = new ReportIndex(asOf, stored.Select(s => Entry(s, extension => FileName(s, extension))).ToList());
            var path = $"{Folder(asOf)}/index.{format.Extension}";
            await WriteAsync(format, dated, new BlobRef(container, path), metadata, cancellationToken);
            indexPath ??= path;
            if (updateLatest)
            {
                var latest = new ReportIndex(asOf, stored.Select(s => Entry(s, extension => $"{s.Report}.{extension}")).ToList());
                await WriteAsync(format, latest, new BlobRef(container, $"{LatestFolder}/index.{format.Extension}"), metadata, cancellationToken);
            }
        }

        return indexPath;
    }

    private ReportIndexEntry Entry(ReportSnapshot snapshot, Func<string, string> fileOf) =>
        new(snapshot.Id, snapshot.Report, snapshot.Content.Title, snapshot.Version, snapshot.Content.Summary,
            _formats.ToDictionary(f => f.Extension, f => fileOf(f.Extension), StringComparer.Ordinal));

    private async Task WriteAsync(IReportIndexFormat format, ReportIndex index, BlobRef blob, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        format.WriteIndex(index, content);
        content.Position = 0;
        await blobs.WriteAsync(blob, content, format.ContentType, metadata, cancellationToken);
    }

    /// <summary>True unless <c>latest/</c> already shows a later publication (a back-dated run must not replace it).</summary>
    private async Task<bool> IsLatestAsync(string container, DateOnly asOf, CancellationToken cancellationToken)
    {
        foreach (var format in _formats.OfType<IReportIndexFormat>())
        {
            var info = await blobs.GetInfoAsync(new BlobRef(container, $"{LatestFolder}/index.{format.Extension}"), cancellationToken);
            if (info?.Metadata.GetValueOrDefault(AsOfMetadata) is { } shown
                && DateOnly.TryParseExact(shown, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date > asOf)
            {
                return false;
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report snapshot {SnapshotId}: {Outcome}")]
    private partial void LogPublished(string snapshotId, SnapshotOutcome outcome);
}
