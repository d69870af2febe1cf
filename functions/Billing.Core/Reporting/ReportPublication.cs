namespace Billing.Core.Reporting;

/// <summary>What <see cref="ReportPublisher.PublishAsync(DateOnly, CancellationToken)"/> did, for the CLI to print (or emit as JSON).</summary>
/// <param name="AsOf">The publication date (the folder of its blobs).</param>
/// <param name="Container">The blob container the files are in.</param>
/// <param name="IndexPath">The path of the date's <c>index.html</c> in <paramref name="Container"/>, when an index was written.</param>
public sealed record ReportPublication(DateOnly AsOf, string Container, string? IndexPath, IReadOnlyList<PublishedReport> Reports);

/// <summary>One snapshot of a publication: its id and version, whether it is new, its headline figures and its blob paths.</summary>
public sealed record PublishedReport(
    string SnapshotId, string Report, string Title, int Version, string ContentHash, SnapshotOutcome Outcome, IReadOnlyList<KeyFigure> Summary, IReadOnlyList<string> BlobPaths);

public enum SnapshotOutcome
{
    /// <summary>The first snapshot of this report and date.</summary>
    Created,

    /// <summary>The content differs from the newest stored version, so it was stored as the next version.</summary>
    NewVersion,

    /// <summary>The newest stored version already says exactly this (same content hash); nothing was stored.</summary>
    Unchanged,
}

/// <summary>The payload of the <c>ReportPublished</c> event.</summary>
public sealed record ReportPublished(string SnapshotId, string Report, DateOnly AsOf, int Version, string ContentHash, string Container, IReadOnlyList<string> BlobPaths);
