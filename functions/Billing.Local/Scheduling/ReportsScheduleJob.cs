using System.Globalization;
using Billing.Core.Reporting;

namespace Billing.Local.Scheduling;

/// <summary>
/// The <c>SnapshotReports</c> timer: publishes the report snapshots as of the date into <c>blobs/reports/</c>. It enqueues
/// nothing; its note names the index page. Registered last, so it runs after the day's billing and dunning were drained.
/// </summary>
public sealed class ReportsScheduleJob(ReportPublisher publisher, LocalDataDirectory data) : ILocalScheduledJob
{
    public const string JobName = "reports";

    public string Name => JobName;

    public async Task<ScheduledJobResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var publication = await publisher.PublishAsync(asOf, cancellationToken);
        var changed = publication.Reports.Count(r => r.Outcome != SnapshotOutcome.Unchanged);
        var index = publication.IndexPath is { } path ? $"; {data.BlobFile(publication.Container, path)}" : "";
        return new ScheduledJobResult(0, string.Create(CultureInfo.InvariantCulture, $"{publication.Reports.Count} reports published ({changed} new or changed){index}"));
    }
}
