using System.Text.Json;
using Billing.Functions.HostTests.Rpc;
using Billing.Testing.Emulators;

namespace Billing.Functions.HostTests.Payments;

[Collection(WorkerCollection.Name)]
public sealed class SuspenseDecisionsFlowTests(WorkerFixture worker)
{
    [EmulatorFact]
    public async Task ApplySuspenseDecisions_ACsvUnderDecisions_WritesThePerLineResult_UnderDecisionsResults()
    {
        var bankFiles = worker.Container("BANK_FILES_CONTAINER");
        var name = $"decisions-{Guid.NewGuid():N}.csv";
        await bankFiles.GetBlobClient($"decisions/{name}").UploadAsync(BinaryData.FromString("payment_id,decision,target,note\npay-unknown,refund,,customer asked\n"));

        var response = await worker.DeliverBlobCreatedAsync("ApplySuspenseDecisions", $"decisions/{name}");

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, response.Result.Exception?.Message);
        var result = await bankFiles.GetBlobClient($"decisions-results/{name}.json").DownloadContentAsync();
        using var json = JsonDocument.Parse(result.Value.Content.ToString());
        var line = Assert.Single(json.RootElement.GetProperty("lines").EnumerateArray());
        Assert.Equal("pay-unknown", line.GetProperty("paymentId").GetString());
        Assert.Equal("rejected", line.GetProperty("status").GetString(), ignoreCase: true);
    }
}
