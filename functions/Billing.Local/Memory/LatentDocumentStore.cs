using System.Runtime.CompilerServices;
using Billing.Core.Storage;

namespace Billing.Local.Memory;

/// <summary>
/// Wraps an <see cref="IDocumentStore"/> so that every operation takes <see cref="Latency"/> first (a Cosmos DB round
/// trip is about 5 ms) and is counted by kind (<see cref="Operations"/>): for capacity simulations, where what matters is
/// how many round trips a use case makes and how they overlap under concurrency. A query costs one round trip per page
/// of <see cref="PageSize"/> documents, as a Cosmos DB query does.
/// </summary>
public sealed class LatentDocumentStore(IDocumentStore inner, TimeSpan latency) : IDocumentStore
{
    /// <summary>Documents per query page (Cosmos DB's default page size).</summary>
    public const int PageSize = 100;

    public TimeSpan Latency { get; } = latency;

    public StoreOperationCounts Operations { get; } = new();

    public async Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        await TripAsync(StoreOperation.Read, cancellationToken).ConfigureAwait(false);
        return await inner.ReadAsync<T>(partitionKey, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        await TripAsync(StoreOperation.Create, cancellationToken).ConfigureAwait(false);
        return await inner.TryCreateAsync(partitionKey, id, value, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        await TripAsync(StoreOperation.Replace, cancellationToken).ConfigureAwait(false);
        try
        {
            return await inner.ReplaceAsync(partitionKey, id, value, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            Operations.Add(StoreOperation.Conflict);
            throw;
        }
    }

    public async Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        await TripAsync(StoreOperation.Delete, cancellationToken).ConfigureAwait(false);
        return await inner.DeleteAsync<T>(partitionKey, id, etag, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, CancellationToken cancellationToken = default)
        where T : class, IDocument =>
        PagedAsync(inner.QueryPartitionAsync<T>(partitionKey, cancellationToken), cancellationToken);

    public IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
        where T : class, IDocument =>
        PagedAsync(inner.QueryAsync<T>(query, cancellationToken), cancellationToken);

    public IAsyncEnumerable<Stored<T>> QueryAllAsync<T>(CancellationToken cancellationToken = default)
        where T : class, IDocument =>
        PagedAsync(inner.QueryAllAsync<T>(cancellationToken), cancellationToken);

    public async Task<DocumentPage<T>> QueryPageAsync<T>(DocumentQuery query, int size, DocumentCursor? after, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        await TripAsync(StoreOperation.QueryPage, cancellationToken).ConfigureAwait(false);
        return await inner.QueryPageAsync<T>(query, size, after, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<Stored<T>> PagedAsync<T>(IAsyncEnumerable<Stored<T>> documents, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await TripAsync(StoreOperation.QueryPage, cancellationToken).ConfigureAwait(false);
        var onPage = 0;
        await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (onPage == PageSize)
            {
                await TripAsync(StoreOperation.QueryPage, cancellationToken).ConfigureAwait(false);
                onPage = 0;
            }

            onPage++;
            yield return document;
        }
    }

    private Task TripAsync(StoreOperation operation, CancellationToken cancellationToken)
    {
        Operations.Add(operation);
        return Latency > TimeSpan.Zero ? Task.Delay(Latency, cancellationToken) : Task.CompletedTask;
    }
}
