using Billing.Azure.Configuration;
using Billing.Azure.Cosmos;
using Billing.Testing.Emulators;
using Microsoft.Azure.Cosmos;

namespace Billing.Azure.Tests.Emulators;

/// <summary>A database of its own on the Cosmos DB stand-in, with the four containers; deleted afterwards.</summary>
public sealed class CosmosEmulatorFixture : IAsyncLifetime
{
    private CosmosClient? _client;

    public string DatabaseName { get; } = $"{AzureEmulators.RunId}-{Guid.NewGuid().ToString("N")[..6]}";

    public CosmosClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialised.");

    public CosmosDocumentStore CreateStore() => new(Client, DatabaseName);

    public async Task InitializeAsync()
    {
        if (AzureEmulators.SkipRequested)
        {
            return;
        }

        AzureEmulators.EnsureReachable();
        _client = new CosmosClient(AzureEmulators.CosmosConnectionString, CosmosClientFactory.Options(new Uri("https://127.0.0.1:8081/"), allowInsecureEmulatorCertificate: true));
        await CosmosContainerSetup.EnsureCreatedAsync(_client, DatabaseName);
    }

    public async Task DisposeAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            await _client.GetDatabase(DatabaseName).DeleteAsync();
        }
        catch (CosmosException)
        {
            // The stand-in is in memory; a database left behind dies with it.
        }

        _client.Dispose();
    }
}
