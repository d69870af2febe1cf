using Azure.Storage.Queues;
using Billing.Functions.HostTests.Rpc;
using Billing.Testing.Emulators;

namespace Billing.Functions.HostTests.Messaging;

/// <summary>A message that fails every time is invoked maxDequeueCount times, each failure reported to the host, then poisoned.</summary>
[Collection(WorkerCollection.Name)]
public sealed class PoisonMessageTests(WorkerFixture worker)
{
    [EmulatorFact]
    public async Task BillAccount_AMessageForAnAccountThatDoesNotExist_FailsFiveTimes_AndEndsInThePoisonQueue()
    {
        await worker.BillingStory.RunAsync();
        var driver = worker.Queue("BillAccount");
        var accountId = $"acc-missing-{Guid.NewGuid():N}"[..24];
        await driver.Queue.SendMessageAsync($"{{\"accountId\":\"{accountId}\",\"billingDate\":\"2026-03-31\"}}");

        var invocations = await driver.DrainAsync();

        Assert.Equal(5, worker.MaxDequeueCount);
        Assert.Equal(worker.MaxDequeueCount, invocations.Count);
        Assert.All(invocations, r =>
        {
            Assert.Equal(StatusResult.Types.Status.Failure, r.Result.Status);
            Assert.Contains(accountId, r.Result.Exception.Message, StringComparison.Ordinal);
        });
        var poison = new QueueClient(AzureEmulators.StorageConnectionString, driver.Queue.Name + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var poisoned = Assert.Single((await poison.ReceiveMessagesAsync(32)).Value);
        Assert.Contains(accountId, poisoned.Body.ToString(), StringComparison.Ordinal);
    }

    [EmulatorFact]
    public async Task SendInvoice_AMessageThatIsNotJson_FailsFiveTimes_NamingThePosition()
    {
        var driver = worker.Queue("SendInvoice");
        await driver.Queue.SendMessageAsync("this is not json");

        var invocations = await driver.DrainAsync();

        Assert.Equal(worker.MaxDequeueCount, invocations.Count);
        Assert.All(invocations, r => Assert.Contains("LineNumber", r.Result.Exception.Message, StringComparison.Ordinal));
    }
}
