using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Billing.Azure.Storage;
using Billing.Azure.Tests.Emulators;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Testing.Contracts;
using Billing.Testing.Emulators;

namespace Billing.Azure.Tests.Storage;

[RequiresEmulators]
public sealed class CosmosDocumentStoreContractTests(CosmosEmulatorFixture cosmos) : DocumentStoreContract, IClassFixture<CosmosEmulatorFixture>
{
    private readonly IDocumentStore _store = AzureEmulators.SkipRequested ? null! : cosmos.CreateStore();

    protected override IDocumentStore Store => _store;
}

[RequiresEmulators]
public sealed class AzureBlobStoreContractTests : BlobStoreContract
{
    private static readonly string s_container = $"{AzureEmulators.RunId}-blobs";

    public AzureBlobStoreContractTests()
    {
        if (!AzureEmulators.SkipRequested)
        {
            AzureEmulators.EnsureReachable();
        }
    }

    protected override IBlobStore Blobs { get; } = new AzureBlobStore(new BlobServiceClient(AzureEmulators.StorageConnectionString));

    protected override string Container => s_container;
}

[RequiresEmulators]
public sealed class StorageWorkQueueContractTests : WorkQueueContract
{
    private readonly QueueServiceClient _raw = new(AzureEmulators.StorageConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public StorageWorkQueueContractTests()
    {
        if (!AzureEmulators.SkipRequested)
        {
            AzureEmulators.EnsureReachable();
        }
    }

    protected override IWorkQueue Queue { get; } = new StorageWorkQueue(
        new QueueServiceClient(AzureEmulators.StorageConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));

    protected override string NewQueueName() => $"{AzureEmulators.RunId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Reads the raw message and decodes it as the Functions queue trigger does (messageEncoding base64).</summary>
    protected override async Task<string?> ReceiveAsTriggerAsync(string queueName)
    {
        var message = (await _raw.GetQueueClient(queueName).ReceiveMessageAsync()).Value;
        if (message is null)
        {
            return null;
        }

        await _raw.GetQueueClient(queueName).DeleteMessageAsync(message.MessageId, message.PopReceipt);
        var raw = message.Body.ToString();
        return Encoding.UTF8.GetString(Convert.FromBase64String(raw));
    }
}
