using System.Net;
using Azure;
using Azure.Messaging.ServiceBus;
using Billing.Cli.Output;
using Billing.Core.Events;
using Billing.Core.Storage;
using Microsoft.Azure.Cosmos;

namespace Billing.Cli.Tests.Output;

public sealed class AzureFailureDescriptionTests
{
    /// <summary>A store whose every read fails as the Azure SDK would, so the failure passes through this project's code.</summary>
    private sealed class FailingStore(Exception failure) : IDocumentStore
    {
        public Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default) where T : class, IDocument =>
            throw failure;

        public Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default) where T : class, IDocument =>
            throw failure;

        public Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default) where T : class, IDocument =>
            throw failure;

        public Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default) where T : class, IDocument =>
            throw failure;

        public IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, CancellationToken cancellationToken = default) where T : class, IDocument =>
            throw failure;

        public IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default) where T : class, IDocument =>
            throw failure;

        public IAsyncEnumerable<Stored<T>> QueryAllAsync<T>(CancellationToken cancellationToken = default) where T : class, IDocument =>
            throw failure;
    }

    private static async Task<Exception> ThrownThroughDocumentUpdate(Exception failure) =>
        await Assert.ThrowsAnyAsync<Exception>(() => new FailingStore(failure).UpdateAsync<PendingEvent>("acc-1", "e1", p => p));

    [Fact]
    public async Task Describe_CosmosNotFound_NamesServiceOperationAndStatusOnOneLine()
    {
        var thrown = await ThrownThroughDocumentUpdate(new CosmosException(
            "Cosmos DB answered 404 NotFound for billing/acc-1/e1: Resource Not Found\n   at Microsoft.Azure.Cosmos.Handlers...", HttpStatusCode.NotFound, 0, "activity-1", 1.0));

        var line = AzureFailureDescription.Describe(thrown);

        Assert.NotNull(line);
        Assert.StartsWith("Cosmos DB failed in DocumentUpdate.UpdateAsync: 404 NotFound: ", line, StringComparison.Ordinal);
        Assert.Contains("billing/acc-1/e1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_ServiceBusOutage_NamesTheReasonWithoutTheTroubleshootingLink()
    {
        var thrown = await ThrownThroughDocumentUpdate(new ServiceBusException("The namespace could not be reached.", ServiceBusFailureReason.ServiceCommunicationProblem));

        var line = AzureFailureDescription.Describe(thrown);

        Assert.StartsWith("Service Bus failed in DocumentUpdate.UpdateAsync: ServiceCommunicationProblem (transient): The namespace could not be reached.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("troubleshooting", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Describe_StorageFailureInsideAnAggregate_IsFoundWithStatusAndErrorCode()
    {
        var storage = new RequestFailedException(404, "The specified queue does not exist.\nRequestId:1\nStatus: 404 (The specified queue does not exist.)\nErrorCode: QueueNotFound", "QueueNotFound", null);

        var line = AzureFailureDescription.Describe(new AggregateException(new InvalidOperationException("outer", storage)));

        Assert.Equal("Azure Storage failed: 404 QueueNotFound: The specified queue does not exist.", line);
    }

    [Fact]
    public void Describe_NotAnAzureFailure_IsNull() =>
        Assert.Null(AzureFailureDescription.Describe(new InvalidOperationException("Service Bus is not configured")));
}
