using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Billing.Azure.Cosmos;
using Billing.Azure.Storage;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;

namespace Billing.Azure.Configuration;

/// <summary>
/// Creates, on the local emulators only, what Bicep creates in Azure: the Cosmos DB database and its containers (with
/// the production indexing policy, <see cref="CosmosContainerSetup"/>), the work queues with their <c>-poison</c>
/// queues, and the blob containers. The rule: the Cosmos DB resources are created only when
/// <c>COSMOS__connectionString</c> points at a loopback endpoint (the stand-in), and the Storage ones only when, in
/// addition, the Storage endpoints are loopback too (Azurite). Against real Azure (<c>COSMOS__accountEndpoint</c>, or any
/// non-loopback endpoint) it creates nothing and does not even build a client: the infrastructure is Bicep's.
/// Safe to run any number of times (create-if-not-exists throughout).
/// </summary>
public sealed class EmulatorResourceSetup(
    IConfiguration configuration,
    Func<CosmosClient> cosmos,
    Func<BlobServiceClient> blobs,
    Func<QueueServiceClient> queues,
    QueueOptions queueNames,
    BlobContainerOptions containerNames)
{
    /// <summary>True when Cosmos DB is the loopback stand-in (a connection string whose AccountEndpoint is a loopback address).</summary>
    public static bool IsCosmosEmulator(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[$"{CosmosClientFactory.Section}:connectionString"] is { Length: > 0 } connectionString
            && CosmosClientFactory.EndpointOf(connectionString) is var endpoint
            && CosmosClientFactory.IsLoopback(endpoint);
    }

    /// <summary>Creates what is missing on the emulators; returns false (and touches nothing) when not running against them.</summary>
    public async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (!IsCosmosEmulator(configuration))
        {
            return false;
        }

        await CosmosContainerSetup.EnsureCreatedAsync(cosmos(), CosmosClientFactory.DatabaseName(configuration), cancellationToken);
        var blobService = blobs();
        var queueService = queues();
        if (!CosmosClientFactory.IsLoopback(blobService.Uri) || !CosmosClientFactory.IsLoopback(queueService.Uri))
        {
            return true;
        }

        foreach (var queue in new[] { queueNames.BillAccount, queueNames.SendInvoice, queueNames.DunningNotice, queueNames.ScheduleBillingPage, queueNames.ScheduleDunningPage })
        {
            await queueService.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await queueService.GetQueueClient(PoisonQueueInspector.PoisonQueueOf(queue)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var container in new[] { containerNames.BankFiles, containerNames.BankArchive, containerNames.Invoices, containerNames.Reports })
        {
            await blobService.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        return true;
    }
}
