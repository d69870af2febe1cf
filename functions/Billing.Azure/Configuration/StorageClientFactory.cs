using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Billing.Azure.Configuration;

/// <summary>
/// Builds the Storage clients from the connection the Functions host uses, <c>AzureWebJobsStorage</c>: either a
/// connection string (<c>UseDevelopmentStorage=true</c> for Azurite) or identity-based settings
/// <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> (or <c>__accountName</c>) with
/// <see cref="AzureCredentials"/>.
/// </summary>
public static class StorageClientFactory
{
    public const string Section = "AzureWebJobsStorage";

    public static BlobServiceClient CreateBlobService(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Section] is { Length: > 0 } connectionString)
        {
            return new BlobServiceClient(connectionString);
        }

        return new BlobServiceClient(ServiceUri(configuration, "blob"), AzureCredentials.For(configuration, Section));
    }

    public static QueueServiceClient CreateQueueService(IConfiguration configuration, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new QueueClientOptions { MessageEncoding = encoding };
        if (configuration[Section] is { Length: > 0 } connectionString)
        {
            return new QueueServiceClient(connectionString, options);
        }

        return new QueueServiceClient(ServiceUri(configuration, "queue"), AzureCredentials.For(configuration, Section), options);
    }

    private static Uri ServiceUri(IConfiguration configuration, string service)
    {
        if (configuration[$"{Section}:{service}ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }

        if (configuration[$"{Section}:accountName"] is { Length: > 0 } account)
        {
            return new Uri($"https://{account}.{service}.core.windows.net");
        }

        throw new InvalidOperationException(
            $"Storage is not configured: set {Section} (a connection string) or {Section}__{service}ServiceUri / {Section}__accountName (managed identity).");
    }
}
