using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Billing.Azure.Configuration;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Testing.Emulators;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;

namespace Billing.Azure.Tests.Configuration;

public sealed class EmulatorResourceSetupTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static T Never<T>() => throw new InvalidOperationException($"A {typeof(T).Name} was built against Azure.");

    [Theory]
    [InlineData("COSMOS:accountEndpoint", "https://cosmos-billing.documents.azure.com:443/")]
    [InlineData("COSMOS:connectionString", "AccountEndpoint=https://cosmos-billing.documents.azure.com:443/;AccountKey=a2V5")]
    public async Task EnsureCreatedAsync_RealAzureEndpoint_CreatesNothingAndBuildsNoClient(string setting, string value)
    {
        var setup = new EmulatorResourceSetup(
            Settings((setting, value), ("AzureWebJobsStorage", AzureEmulators.StorageConnectionString)),
            Never<CosmosClient>, Never<BlobServiceClient>, Never<QueueServiceClient>, new QueueOptions(), new BlobContainerOptions());

        Assert.False(await setup.EnsureCreatedAsync());
    }

    [Fact]
    public void IsCosmosEmulator_LoopbackConnectionString_IsTrue() =>
        Assert.True(EmulatorResourceSetup.IsCosmosEmulator(Settings(("COSMOS:connectionString", AzureEmulators.CosmosConnectionString))));

    [EmulatorFact]
    public async Task EnsureCreatedAsync_FreshEmulators_CreatesTheDatabaseContainersQueuesAndBlobContainersOnce()
    {
        AzureEmulators.EnsureReachable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var database = $"{AzureEmulators.RunId}-setup-{suffix}";
        var queues = new QueueOptions { BillAccount = $"{AzureEmulators.RunId}-ba-{suffix}", SendInvoice = $"{AzureEmulators.RunId}-si-{suffix}", DunningNotice = $"{AzureEmulators.RunId}-dn-{suffix}" };
        var containers = new BlobContainerOptions { BankFiles = $"{AzureEmulators.RunId}-bf-{suffix}", Invoices = $"{AzureEmulators.RunId}-in-{suffix}", Reports = $"{AzureEmulators.RunId}-re-{suffix}" };
        var settings = Settings(
            ("COSMOS:connectionString", AzureEmulators.CosmosConnectionString), ("COSMOS:allowInsecureEmulatorCertificate", "true"),
            ("COSMOS_DATABASE", database), ("AzureWebJobsStorage", AzureEmulators.StorageConnectionString));
        using var cosmos = CosmosClientFactory.Create(settings);
        var blobs = new BlobServiceClient(AzureEmulators.StorageConnectionString);
        var queueService = new QueueServiceClient(AzureEmulators.StorageConnectionString);
        var setup = new EmulatorResourceSetup(settings, () => cosmos, () => blobs, () => queueService, queues, containers);
        try
        {
            Assert.True(await setup.EnsureCreatedAsync());
            Assert.True(await setup.EnsureCreatedAsync());

            foreach (var container in new[] { Containers.Billing, Containers.BankFiles, Containers.Reports, Containers.Sequences })
            {
                var properties = (await cosmos.GetContainer(database, container).ReadContainerAsync()).Resource;
                Assert.Equal(container, properties.Id);
            }

            foreach (var queue in new[] { queues.BillAccount, queues.SendInvoice, queues.DunningNotice })
            {
                Assert.True((await queueService.GetQueueClient(queue).ExistsAsync()).Value, queue);
                Assert.True((await queueService.GetQueueClient(queue + "-poison").ExistsAsync()).Value, queue + "-poison");
            }

            foreach (var container in new[] { containers.BankFiles, containers.Invoices, containers.Reports })
            {
                Assert.True((await blobs.GetBlobContainerClient(container).ExistsAsync()).Value, container);
            }
        }
        finally
        {
            await cosmos.GetDatabase(database).DeleteAsync();
            foreach (var queue in new[] { queues.BillAccount, queues.SendInvoice, queues.DunningNotice })
            {
                await queueService.GetQueueClient(queue).DeleteIfExistsAsync();
                await queueService.GetQueueClient(queue + "-poison").DeleteIfExistsAsync();
            }

            foreach (var container in new[] { containers.BankFiles, containers.Invoices, containers.Reports })
            {
                await blobs.GetBlobContainerClient(container).DeleteIfExistsAsync();
            }
        }
    }
}
