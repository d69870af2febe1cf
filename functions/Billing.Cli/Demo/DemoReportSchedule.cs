using System.Diagnostics;
using System.Globalization;
using Billing.Core.Reporting;
using Billing.Core.Storage;

namespace Billing.Cli.Demo;

/// <summary>
/// The <c>SnapshotReports</c> timer inside the demo's simulation. After a simulated day's billing, bank files and dunning,
/// it publishes the reports on every day a period closes (as the timer does: <see cref="ReportPeriod.ClosingOn"/>, e.g.
/// 2026-02-01 closes January) and on the last day. The last day also closes the periods that end on it: the demo stops
/// at the end of that day, when the timer would publish their close the next morning, so a demo over whole months
/// ends with its last month (and quarter, year) closed. A close report is dated by its period's end, so publishing it
/// one day early stores the same snapshot the timer would.
/// <para>
/// Periods that ended before the first simulated day are not closed (nothing of the demo happened in them), and the
/// daily snapshots of days without a close are not published: they would cost one pass over every document per
/// simulated day and show nothing the last day does not. A day whose <c>index.html</c> already exists was published
/// by an earlier run over the same folder, as a timer that already fired, and is left as it is: a replay of the demo
/// changes nothing (republishing an old date over newer data would store new versions of it).
/// </para>
/// </summary>
public sealed class DemoReportSchedule(ReportPublisher publisher, IBlobStore blobs, string container, int periodCloseDelayDays, DateOnly firstDay)
{
    private readonly List<DateOnly> _days = [];
    private readonly List<DemoPeriodClose> _closes = [];

    /// <summary>The days the reports were due on, oldest first.</summary>
    public IReadOnlyList<DateOnly> Days => _days;

    /// <summary>How many of <see cref="Days"/> this run published (the others had been published before).</summary>
    public int Published { get; private set; }

    /// <summary>The period-close reports of the run's days, in the order they were due.</summary>
    public IReadOnlyList<DemoPeriodClose> Closes => _closes;

    /// <summary>The path of the last due day's <c>index.html</c> in the reports container, when it exists.</summary>
    public string? LastIndexPath { get; private set; }

    /// <summary>Wall-clock time spent publishing.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Publishes the reports of <paramref name="day"/> when a period closes on it or it is the last simulated day.</summary>
    public async Task RunAsync(DateOnly day, bool lastDay, CancellationToken cancellationToken)
    {
        var due = ReportPeriod.ClosingOn(day, periodCloseDelayDays).ToList();
        if (lastDay)
        {
            due.AddRange(ReportPeriod.ClosingOn(day.AddDays(periodCloseDelayDays), periodCloseDelayDays).Where(p => !due.Contains(p)));
        }

        due.RemoveAll(p => p.End < firstDay);
        if (due.Count == 0 && !lastDay)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var folder = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var index = $"{folder}/index.html";
        IReadOnlyList<PublishedReport> published = [];
        if (await blobs.GetInfoAsync(new BlobRef(container, index), cancellationToken) is null)
        {
            var publication = await publisher.PublishAsync(day, due, cancellationToken);
            published = publication.Reports;
            index = publication.IndexPath ?? index;
            Published++;
        }

        _days.Add(day);
        LastIndexPath = index;
        foreach (var period in due)
        {
            var page = published.Where(r => r.Report == period.ReportName).SelectMany(r => r.BlobPaths)
                .FirstOrDefault(p => p.EndsWith(".html", StringComparison.Ordinal)) ?? $"{folder}/{period.ReportName}.html";
            _closes.Add(new DemoPeriodClose(period.Label, period.ReportName, container, page));
        }

        Elapsed += Stopwatch.GetElapsedTime(started);
    }

    /// <summary>One line for the run's log: the days, how many were published now, the period closes.</summary>
    public string Summary()
    {
        var days = string.Join(", ", _days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var before = _days.Count - Published;
        var closes = _closes.Count == 0 ? "none" : string.Join(", ", _closes.Select(c => c.Label));
        return $"Published the reports on {_days.Count} days ({days}){(before > 0 ? $", {before} of them already published before" : "")}; period closes: {closes}.";
    }
}
