using Azure.Storage.Queues;
using Billing.Azure.Storage;
using Billing.Core.Messaging;
using Billing.Testing.Emulators;

namespace Billing.Azure.Tests.Storage;

public sealed class PoisonQueueInspectorTests
{
    private readonly QueueServiceClient _raw = new(AzureEmulators.StorageConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
    private readonly string _queue = $"{AzureEmulators.RunId}-p{Guid.NewGuid().ToString("N")[..8]}";

    public PoisonQueueInspectorTests()
    {
        if (!AzureEmulators.SkipRequested)
        {
            AzureEmulators.EnsureReachable();
        }
    }

    [EmulatorFact]
    public async Task List_ShowsPoisonMessagesDecoded_WithoutRemovingThem()
    {
        await PoisonAsync("{\"accountId\":\"acc-1\",\"billingDate\":\"2026-03-31\"}");
        await _raw.GetQueueClient(PoisonQueueInspector.PoisonQueueOf(_queue)).SendMessageAsync("not base64 at all!");
        var inspector = new PoisonQueueInspector(_raw);

        var listed = await inspector.ListAsync(_queue);
        var again = await inspector.ListAsync(_queue);

        Assert.Equal(["{\"accountId\":\"acc-1\",\"billingDate\":\"2026-03-31\"}", "not base64 at all!"], listed.Select(m => m.Body));
        Assert.Equal(2, again.Count);
    }

    [EmulatorFact]
    public async Task Replay_MovesMessagesBackVerbatim_AndEmptiesThePoisonQueue()
    {
        await PoisonAsync("{\"accountId\":\"acc-1\",\"invoiceId\":\"inv-1\"}");
        await PoisonAsync("{\"accountId\":\"acc-2\",\"invoiceId\":\"inv-2\"}");
        var inspector = new PoisonQueueInspector(_raw);

        var moved = await inspector.ReplayAsync(_queue);

        Assert.Equal(2, moved);
        Assert.Empty(await inspector.ListAsync(_queue));
        var main = new QueueClient(AzureEmulators.StorageConnectionString, _queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var replayed = (await main.ReceiveMessagesAsync(10)).Value.Select(m => Core.Serialization.BillingJson.Deserialize<SendInvoiceMessage>(m.Body.ToString()).InvoiceId);
        Assert.Equal(["inv-1", "inv-2"], replayed.Order(StringComparer.Ordinal));
    }

    [EmulatorFact]
    public async Task List_WithoutPoisonQueue_IsEmpty()
    {
        Assert.Empty(await new PoisonQueueInspector(_raw).ListAsync(_queue));
        Assert.Equal(0, await new PoisonQueueInspector(_raw).ReplayAsync(_queue));
    }

    /// <summary>Puts a message in the poison queue the way the Functions host does: the original Base64 text.</summary>
    private async Task PoisonAsync(string json)
    {
        var poison = _raw.GetQueueClient(PoisonQueueInspector.PoisonQueueOf(_queue));
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)));
    }
}
