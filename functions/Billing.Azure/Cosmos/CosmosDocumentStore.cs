using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Billing.Core.Storage;
using Microsoft.Azure.Cosmos;

namespace Billing.Azure.Cosmos;

/// <summary>
/// <see cref="IDocumentStore"/> on Cosmos DB (NoSQL API), through the SDK's stream APIs so every byte is
/// written by <see cref="Billing.Core.Serialization.BillingJson"/> (see <see cref="CosmosDocumentEnvelope"/>).
/// Reads are point reads; creates are create-if-absent (409 → null); replaces carry IfMatchEtag (412, or
/// 404 because the document vanished → <see cref="ConcurrencyConflictException"/>). Throttling (429) is
/// retried by the client (<see cref="CosmosClientFactory"/> sets the retry budget). Single-partition
/// queries name the partition key both in the request options and in the WHERE clause (the stand-in
/// needs the latter; in Azure it is free).
/// </summary>
public sealed class CosmosDocumentStore(CosmosClient client, string databaseName, CosmosOperationCounter? counter = null) : IDocumentStore
{
    public CosmosOperationCounter Operations { get; } = counter ?? new CosmosOperationCounter();

    public string DatabaseName { get; } = databaseName;

    public async Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var key = DocumentKey.For<T>(partitionKey, id);
        Operations.Read();
        using var response = await ContainerOf<T>().ReadItemStreamAsync(CosmosIds.Encode(id), new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, key);
        var node = await ParseAsync(response.Content, cancellationToken);
        if (node["type"]?.GetValue<string>() != T.DocumentType)
        {
            return null;
        }

        return ToStored<T>(key, node, response.Headers.ETag);
    }

    public async Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = DocumentKey.For<T>(partitionKey, id);
        using var body = CosmosDocumentEnvelope.Wrap(key, value);
        Operations.Created();
        using var response = await ContainerOf<T>().CreateItemStreamAsync(body, new PartitionKey(partitionKey), NoContent, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        EnsureSuccess(response, key);
        return new Stored<T>(key, value, response.Headers.ETag);
    }

    public async Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var key = DocumentKey.For<T>(partitionKey, id);
        using var body = CosmosDocumentEnvelope.Wrap(key, value);
        Operations.Replaced();
        using var response = await ContainerOf<T>().ReplaceItemStreamAsync(
            body, CosmosIds.Encode(id), new PartitionKey(partitionKey),
            new ItemRequestOptions { IfMatchEtag = etag, EnableContentResponseOnWrite = false }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw new ConcurrencyConflictException(key);
        }

        EnsureSuccess(response, key);
        return new Stored<T>(key, value, response.Headers.ETag);
    }

    public async Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var key = DocumentKey.For<T>(partitionKey, id);
        Operations.Deleted();
        using var response = await ContainerOf<T>().DeleteItemStreamAsync(
            CosmosIds.Encode(id), new PartitionKey(partitionKey), new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new ConcurrencyConflictException(key);
        }

        EnsureSuccess(response, key);
        return true;
    }

    public IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionKey);
        var pk = CosmosDocumentEnvelope.PartitionKeyPropertyOf(T.Container);
        var query = new QueryDefinition($"SELECT * FROM c WHERE c.{pk} = @pk AND c.type = @type ORDER BY c.id")
            .WithParameter("@pk", partitionKey)
            .WithParameter("@type", T.DocumentType);
        return QueryAsync<T>(query, new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey) }, cancellationToken);
    }

    public IAsyncEnumerable<Stored<T>> QueryAllAsync<T>(CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type").WithParameter("@type", T.DocumentType);
        return QueryAsync<T>(query, new QueryRequestOptions(), cancellationToken);
    }

    public IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(query);
        var definition = CosmosDocumentQuery.Translate(query, T.DocumentType, CosmosDocumentEnvelope.PartitionKeyPropertyOf(T.Container));
        var options = query.PartitionKey is { } partition ? new QueryRequestOptions { PartitionKey = new PartitionKey(partition) } : new QueryRequestOptions();
        return QueryAsync<T>(definition, options, cancellationToken);
    }

    public async Task<DocumentPage<T>> QueryPageAsync<T>(DocumentQuery query, int size, DocumentCursor? after, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var definition = CosmosDocumentQuery.TranslatePage(query, T.DocumentType, CosmosDocumentEnvelope.PartitionKeyPropertyOf(T.Container), size, after);
        var options = query.PartitionKey is { } partition ? new QueryRequestOptions { PartitionKey = new PartitionKey(partition) } : new QueryRequestOptions();
        var items = new List<Stored<T>>();
        await foreach (var document in QueryAsync<T>(definition, options, cancellationToken))
        {
            if (items.Count == size)
            {
                var last = items[^1];
                return new DocumentPage<T>(items, new DocumentCursor(DocumentQuery.PropertyOf(last.Value, query.OrderProperty) ?? "", last.Key.PartitionKey, last.Key.Id));
            }

            items.Add(document);
        }

        return new DocumentPage<T>(items, null);
    }

    private async IAsyncEnumerable<Stored<T>> QueryAsync<T>(QueryDefinition query, QueryRequestOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IDocument
    {
        var pk = CosmosDocumentEnvelope.PartitionKeyPropertyOf(T.Container);
        using var iterator = ContainerOf<T>().GetItemQueryStreamIterator(query, requestOptions: options);
        while (iterator.HasMoreResults)
        {
            Operations.QueryPage();
            using var response = await iterator.ReadNextAsync(cancellationToken);
            EnsureSuccess(response, null);
            var page = await ParseAsync(response.Content, cancellationToken);
            foreach (var item in page["Documents"]?.AsArray() ?? [])
            {
                if (item is JsonObject node)
                {
                    Operations.QueryDocument();
                    var partition = node[pk]?.GetValue<string>() ?? "";
                    var key = new DocumentKey(T.Container, partition, CosmosIds.Decode(node["id"]!.GetValue<string>()));
                    yield return ToStored<T>(key, node, node["_etag"]?.GetValue<string>() ?? "");
                }
            }
        }
    }

    private Container ContainerOf<T>() where T : IDocument => client.GetContainer(DatabaseName, T.Container);

    private static ItemRequestOptions NoContent { get; } = new() { EnableContentResponseOnWrite = false };

    private static Stored<T> ToStored<T>(DocumentKey key, JsonObject node, string etag) where T : class, IDocument
    {
        var (value, _, _) = CosmosDocumentEnvelope.Unwrap<T>(node);
        return new Stored<T>(key, value, etag);
    }

    private static async Task<JsonObject> ParseAsync(Stream content, CancellationToken cancellationToken) =>
        await JsonNode.ParseAsync(content, cancellationToken: cancellationToken) as JsonObject
        ?? throw new JsonException("Cosmos DB answered with something that is not a JSON object.");

    private static void EnsureSuccess(ResponseMessage response, DocumentKey? key)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new CosmosException(
                $"Cosmos DB answered {(int)response.StatusCode} {response.StatusCode}{(key is null ? "" : $" for {key}")}: {response.ErrorMessage}",
                response.StatusCode, 0, response.Headers.ActivityId, response.Headers.RequestCharge);
        }
    }
}
