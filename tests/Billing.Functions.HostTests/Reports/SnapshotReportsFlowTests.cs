using Billing.Functions.HostTests.Rpc;
using Billing.Testing.Emulators;

namespace Billing.Functions.HostTests.Reports;

[Collection(WorkerCollection.Name)]
public sealed class SnapshotReportsFlowTests(WorkerFixture worker)
{
    [EmulatorFact]
    public async Task SnapshotReports_TimerInvocation_WritesTheReportBlobs_WithAnIndex()
    {
        await worker.BillingStory.RunAsync();

        var response = await worker.FireTimerAsync("SnapshotReports");

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, response.Result.Exception?.Message);
        var names = new List<string>();
        await foreach (var blob in worker.Container("REPORTS_CONTAINER").GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        Assert.Contains(names, n => n.EndsWith("index.html", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".json", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".csv", StringComparison.Ordinal));
    }
}
