using Billing.Core.Reporting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Reports;

/// <summary>
/// The daily report snapshots: publishes the reports as of today (UTC) to the reports container (and the close reports
/// of the periods that just closed). A second run on the same day stores nothing new, so a retry is harmless.
/// </summary>
public sealed partial class SnapshotReports(ReportPublisher publisher, TimeProvider time, ILogger<SnapshotReports> logger)
{
    [Function(nameof(SnapshotReports))]
    [ExponentialBackoffRetry(3, "00:00:10", "00:02:00")]
    public async Task RunAsync([TimerTrigger("%REPORTS_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        LogStarting(asOf, timer.IsPastDue);
        var publication = await publisher.PublishAsync(asOf, cancellationToken);
        foreach (var report in publication.Reports)
        {
            LogReport(report.SnapshotId, report.Version, report.Outcome);
        }

        LogFinished(asOf, publication.Reports.Count, publication.Reports.Count(r => r.Outcome != SnapshotOutcome.Unchanged), publication.Container, publication.IndexPath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Publishing the reports as of {AsOf} (past due: {IsPastDue})")]
    private partial void LogStarting(DateOnly asOf, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {SnapshotId} version {Version}: {Outcome}")]
    private partial void LogReport(string snapshotId, int version, SnapshotOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports as of {AsOf} published: {ReportCount} reports, {ChangedCount} new or changed, index {Container}/{IndexPath}")]
    private partial void LogFinished(DateOnly asOf, int reportCount, int changedCount, string container, string? indexPath);
}
