using System.Runtime.CompilerServices;
using Billing.Core.Storage;

namespace Billing.Testing.Simulation;

/// <summary>A document store whose every operation may fail before it takes effect, or (a write) after it did.</summary>
public sealed class FaultyDocumentStore(IDocumentStore inner, SimulationFaults faults) : IDocumentStore
{
    public Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default) where T : class, IDocument =>
        faults.RunAsync($"read {T.DocumentType} {id}", false, () => inner.ReadAsync<T>(partitionKey, id, cancellationToken));

    public Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default) where T : class, IDocument =>
        faults.RunAsync($"create {T.DocumentType} {id}", true, () => inner.TryCreateAsync(partitionKey, id, value, cancellationToken));

    public Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default) where T : class, IDocument =>
        faults.RunAsync($"replace {T.DocumentType} {id}", true, () => inner.ReplaceAsync(partitionKey, id, value, etag, cancellationToken));

    public Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default) where T : class, IDocument =>
        faults.RunAsync($"delete {T.DocumentType} {id}", true, () => inner.DeleteAsync<T>(partitionKey, id, etag, cancellationToken));

    public async IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class, IDocument
    {
        await faults.RunAsync($"query {T.DocumentType} in {partitionKey}", false, () => Task.FromResult(0));
        await foreach (var item in inner.QueryPartitionAsync<T>(partitionKey, cancellationToken))
        {
            yield return item;
        }
    }

    public async IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class, IDocument
    {
        await faults.RunAsync($"query {T.DocumentType} where {query}", false, () => Task.FromResult(0));
        await foreach (var item in inner.QueryAsync<T>(query, cancellationToken))
        {
            yield return item;
        }
    }

    public async IAsyncEnumerable<Stored<T>> QueryAllAsync<T>([EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class, IDocument
    {
        await faults.RunAsync($"query {T.DocumentType}", false, () => Task.FromResult(0));
        await foreach (var item in inner.QueryAllAsync<T>(cancellationToken))
        {
            yield return item;
        }
    }
}
