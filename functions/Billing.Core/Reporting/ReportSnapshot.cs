using System.Security.Cryptography;
using Billing.Core.Serialization;
using Billing.Core.Storage;

namespace Billing.Core.Reporting;

/// <summary>
/// A stored report, immutable once written. Its id is the report and the as-of date (<c>aging-2026-03-31</c>);
/// if the same report computed for the same date later says something else (a late payment, a correction), that
/// is stored beside it as the next version (<c>aging-2026-03-31-v2</c>), never over it. <see cref="ContentHash"/>
/// (SHA-256 of the content's JSON) tells a recomputation that changed nothing from one that did. Lives in the
/// <c>reports</c> container, partitioned by report name.
/// </summary>
public sealed record ReportSnapshot : IDocument
{
    public static string DocumentType => "reportSnapshot";

    public static string Container => Containers.Reports;

    public required string Id { get; init; }

    /// <summary>1 for the first snapshot of a report and date, then 2, 3…</summary>
    public required int Version { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/> serialised with <see cref="BillingJson.Options"/>.</summary>
    public required string ContentHash { get; init; }

    public required ReportContent Content { get; init; }

    public string Report => Content.Report;

    public DateOnly AsOf => Content.AsOf;

    /// <summary>The id of version <paramref name="version"/> of <paramref name="report"/> as of <paramref name="asOf"/>.</summary>
    public static string IdFor(string report, DateOnly asOf, int version = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return version == 1 ? $"{report}-{asOf:yyyy-MM-dd}" : $"{report}-{asOf:yyyy-MM-dd}-v{version}";
    }

    /// <summary>The SHA-256 of the content's canonical JSON, lower-case hex.</summary>
    public static string HashOf(ReportContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(BillingJson.SerializeToUtf8(content)));

    /// <summary>Version <paramref name="version"/> of a snapshot of <paramref name="content"/>.</summary>
    public static ReportSnapshot Of(ReportContent content, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new() { Id = IdFor(content.Report, content.AsOf, version), Version = version, ContentHash = HashOf(content), Content = content };
    }
}
