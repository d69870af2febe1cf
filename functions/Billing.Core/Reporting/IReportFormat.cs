namespace Billing.Core.Reporting;

/// <summary>
/// One way to write a snapshot to a blob (JSON, CSV, HTML): the renderers live in <c>Billing.Documents</c> and are
/// registered by <c>AddReportDocuments()</c>. Output must depend on the snapshot alone, so rewriting a blob from
/// the same snapshot gives the same bytes.
/// </summary>
public interface IReportFormat
{
    /// <summary>The file extension without the dot: <c>json</c>, <c>csv</c>, <c>html</c>.</summary>
    string Extension { get; }

    string ContentType { get; }

    void Write(ReportSnapshot snapshot, Stream destination);
}

/// <summary>A format that also writes the page listing one date's snapshots (<c>index.html</c>).</summary>
public interface IReportIndexFormat : IReportFormat
{
    void WriteIndex(ReportIndex index, Stream destination);
}

/// <summary>The snapshots of one date (and where their files are, relative to the index), for an index page.</summary>
public sealed record ReportIndex(DateOnly AsOf, IReadOnlyList<ReportIndexEntry> Entries);

/// <summary>One snapshot in an index: its headline figures and its files by extension, relative paths.</summary>
public sealed record ReportIndexEntry(string SnapshotId, string Report, string Title, int Version, IReadOnlyList<KeyFigure> Summary, IReadOnlyDictionary<string, string> Files);
