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
using SendGrid;

namespace Billing.Azure;

public static class AzureBillingServiceCollectionExtensions
{
    public const string DefaultTopic = "billing-events";

    /// <summary>
    /// Registers the Azure adapters of the Core ports: <see cref="IDocumentStore"/> (Cosmos DB),
    /// <see cref="IBlobStore"/> and <see cref="IWorkQueue"/> (Storage, the <c>AzureWebJobsStorage</c> connection),
    /// <see cref="IEventPublisher"/> (Service Bus topic <c>SERVICEBUS_TOPIC</c>), <see cref="IEmailSender"/> (SendGrid,
    /// <c>SENDGRID_API_KEY</c>, <c>SENDGRID_HOST</c>), the invoice renderer (PDF + UBL), the report formats and
    /// <see cref="PoisonQueueInspector"/>: the same Core ports as <c>AddLocalBilling</c>, so a use case that resolves on
    /// one backend resolves on the other. Clients are singletons, created on first use, so a missing setting fails where
    /// it is needed and names the setting. <c>SERVICEBUS__disabled=true</c> (only where no Service Bus exists: a
    /// developer's machine, the host tests; infra never sets it) logs each event as a warning instead of publishing it.
    /// </summary>
    public static IServiceCollection AddAzureBilling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton(_ => CosmosClientFactory.Create(configuration));
        services.AddSingleton<CosmosOperationCounter>();
        services.AddSingleton(sp => new CosmosDocumentStore(sp.GetRequiredService<CosmosClient>(), CosmosClientFactory.DatabaseName(configuration), sp.GetRequiredService<CosmosOperationCounter>()));
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<CosmosDocumentStore>());

        services.AddSingleton(_ => StorageClientFactory.CreateBlobService(configuration));
        services.AddSingleton(_ => StorageClientFactory.CreateQueueService(configuration));
        services.AddSingleton<IBlobStore, AzureBlobStore>();
        services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        services.AddSingleton(_ => new PoisonQueueInspector(StorageClientFactory.CreateQueueService(configuration, QueueMessageEncoding.None)));

        if (string.Equals(configuration["SERVICEBUS:disabled"], "true", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEventPublisher, LoggingEventPublisher>();
        }
        else
        {
            services.AddSingleton(_ => CreateServiceBusClient(configuration));
            services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(configuration["SERVICEBUS_TOPIC"] is { Length: > 0 } topic ? topic : DefaultTopic));
            services.AddSingleton<IEventPublisher, ServiceBusEventPublisher>();
        }

        services.AddSingleton<ISendGridClient>(_ => CreateSendGridClient(configuration));
        services.AddSingleton<IEmailSender, SendGridEmailSender>();
        services.AddInvoiceDocuments();
        services.AddReportDocuments();
        return services;
    }

    private static ServiceBusClient CreateServiceBusClient(IConfiguration configuration)
    {
        if (configuration["SERVICEBUS:connectionString"] is { Length: > 0 } connectionString)
        {
            return new ServiceBusClient(connectionString);
        }

        if (configuration["SERVICEBUS:fullyQualifiedNamespace"] is { Length: > 0 } fullyQualifiedNamespace)
        {
            return new ServiceBusClient(fullyQualifiedNamespace, AzureCredentials.For(configuration, "SERVICEBUS"));
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
