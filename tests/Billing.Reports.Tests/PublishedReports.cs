using Billing.Core.Reporting;
using Billing.Documents.Reports;
using Billing.Testing;

namespace Billing.Reports.Tests;

/// <summary>
/// The scenario's reports published (as of the day after the quarter end, so the close reports are there too) with the
/// real formats, and copied from the in-memory blob store to a folder, as a manager would download them.
/// </summary>
public sealed class PublishedReports : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "billing-reports-" + Guid.NewGuid().ToString("N"));

    public ReportPublication Publication { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var world = await ReportScenario.CreateAsync(services => services.AddReportDocuments());
        var publisher = world.Get<ReportPublisher>();
        await publisher.PublishAsync(ReportScenario.End);
        Publication = await publisher.PublishAsync(ReportScenario.End.AddDays(1));
        foreach (var blob in world.Blobs.Blobs)
        {
            var path = Path.Combine(Folder, blob.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var source = (await world.Blobs.OpenReadAsync(blob))!;
            await using var target = File.Create(path);
            await source.CopyToAsync(target);
        }
    }

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
