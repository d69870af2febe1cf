using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Billing.Azure.Configuration;
using Billing.Azure.Cosmos;
using Billing.Azure.Email;
using Billing.Azure.Events;
using Billing.Azure.Storage;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Documents;
using Billing.Documents.Reports;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Billing.Azure;

public static class AzureBillingServiceCollectionExtensions
{
    public const string DefaultTopic = "billing-events";

    /// <summary>
    /// Registers the Azure adapters of the Core ports: <see cref="IDocumentStore"/> (Cosmos DB),
    /// <see cref="IBlobStore"/> and <see cref="IWorkQueue"/> (Storage, the <c>AzureWebJobsStorage</c> connection),
    /// <see cref="IEventPublisher"/> (the outbox in Cosmos DB, relayed by <see cref="EventRelay"/> to the Service Bus topic
    /// <c>SERVICEBUS_TOPIC</c>), <see cref="IEmailSender"/> (SendGrid, <c>SENDGRID_API_KEY</c>, <c>SENDGRID_HOST</c>),
    /// the invoice renderer (PDF + UBL), the report formats,
    /// <see cref="PoisonQueueInspector"/> and <see cref="EmulatorResourceSetup"/> (the same Core ports as <c>AddLocalBilling</c>). Clients are singletons, created on first use,
    /// so a missing setting fails where it is needed and names the setting; a missing Service Bus only leaves the events
    /// waiting in the outbox. Service Bus sends are retried twice within 10 s per try, so a relay after a flow never holds
    /// it long; the <c>RelayEvents</c> timer keeps trying.
    /// </summary>
    public static IServiceCollection AddAzureBilling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton(_ => CosmosClientFactory.Create(configuration));
        services.AddSingleton<CosmosOperationCounter>();
        services.AddSingleton(sp => new CosmosDocumentStore(sp.GetRequiredService<CosmosClient>(), CosmosClientFactory.DatabaseName(configuration), sp.GetRequiredService<CosmosOperationCounter>()));
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<CosmosDocumentStore>());
        services.AddSingleton<IDocumentWriteBatching>(sp => new UnbatchedWrites(sp.GetRequiredService<IDocumentStore>())); // each Cosmos write is its own

        services.AddSingleton(_ => StorageClientFactory.CreateBlobService(configuration));
        services.AddSingleton(_ => StorageClientFactory.CreateQueueService(configuration));
        services.AddSingleton<IBlobStore, AzureBlobStore>();
        services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        services.AddSingleton(_ => new PoisonQueueInspector(StorageClientFactory.CreateQueueService(configuration, QueueMessageEncoding.None)));

        services.AddSingleton(_ => CreateServiceBusClient(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(configuration["SERVICEBUS_TOPIC"] is { Length: > 0 } topic ? topic : DefaultTopic));
        services.AddSingleton<ServiceBusEventPublisher>();
        services.AddSingleton(sp => new EventRelay(
            sp.GetRequiredService<IDocumentStore>(), () => sp.GetRequiredService<ServiceBusEventPublisher>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<EventRelay>>()));
        services.AddSingleton<IEventPublisher>(sp => new OutboxEventPublisher(
            sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<EventRelay>()));

        services.AddSingleton(sp => new EmulatorResourceSetup(
            configuration, sp.GetRequiredService<CosmosClient>, sp.GetRequiredService<BlobServiceClient>, sp.GetRequiredService<QueueServiceClient>,
            sp.GetRequiredService<IOptions<QueueOptions>>().Value, sp.GetRequiredService<IOptions<BlobContainerOptions>>().Value));

        services.AddSingleton<ISendGridClient>(_ => CreateSendGridClient(configuration));
        services.AddSingleton<IEmailSender, SendGridEmailSender>();
        services.AddInvoiceDocuments();
        services.AddReportDocuments();
        return services;
    }

    private static ServiceBusClientOptions ServiceBusOptions => new()
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 2, TryTimeout = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(5) },
    };

    private static ServiceBusClient CreateServiceBusClient(IConfiguration configuration)
    {
        if (configuration["SERVICEBUS:connectionString"] is { Length: > 0 } connectionString)
        {
            return new ServiceBusClient(connectionString, ServiceBusOptions);
        }

        if (configuration["SERVICEBUS:fullyQualifiedNamespace"] is { Length: > 0 } fullyQualifiedNamespace)
        {
            return new ServiceBusClient(fullyQualifiedNamespace, AzureCredentials.For(configuration, "SERVICEBUS"), ServiceBusOptions);
        }

        throw new InvalidOperationException("Service Bus is not configured: set SERVICEBUS__fullyQualifiedNamespace (managed identity) or SERVICEBUS__connectionString.");
    }

    private static SendGridClient CreateSendGridClient(IConfiguration configuration)
    {
        var key = configuration["SENDGRID_API_KEY"] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("SENDGRID_API_KEY is not set (in Azure it is a Key Vault reference).");
        var options = new SendGridClientOptions { ApiKey = key };
        if (configuration["SENDGRID_HOST"] is { Length: > 0 } host)
        {
            options.Host = host;
        }

        return new SendGridClient(options);
    }
}
