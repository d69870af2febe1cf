using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Billing.Core.Serialization;
using Billing.Core.Storage;

namespace Billing.Local.Memory;

/// <summary>
/// <see cref="IDocumentStore"/> in memory, with the semantics of the durable stores (values serialised with
/// <see cref="BillingJson"/>, so no caller shares an instance with the store; create-if-absent; ETag-conditional
/// replace and delete; filtered queries), for capacity simulations (<c>billing simulate</c>) and tests. Documents are
/// held per (container, partition), and each keeps its <see cref="DocumentFilter.Indexed"/> properties beside its
/// JSON, so a partition query reads only its partition and a filter never parses a document it does not return.
/// Nothing survives the process.
/// </summary>
public sealed class MemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<(string Container, string Partition), ConcurrentDictionary<string, Entry>> _partitions = new();
    private long _etag;

    /// <summary>Documents held, of every type.</summary>
    public int Count => _partitions.Values.Sum(p => p.Count);

    public Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default)
        where T : class, IDocument =>
        Task.FromResult(Partition<T>(partitionKey).TryGetValue(id, out var entry) && entry.Type == T.DocumentType
            ? ToStored<T>(partitionKey, id, entry)
            : null);

    public Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var entry = EntryOf(value);
        return Task.FromResult(Partition<T>(partitionKey).TryAdd(id, entry) ? ToStored<T>(partitionKey, id, entry) : null);
    }

    public Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var partition = Partition<T>(partitionKey);
        if (!partition.TryGetValue(id, out var current) || current.ETag != etag)
        {
            // Refused before the value is serialised, as a real store refuses the precondition before storing anything.
            throw new ConcurrencyConflictException(DocumentKey.For<T>(partitionKey, id));
        }

        var entry = EntryOf(value);
        return partition.TryUpdate(id, entry, current)
            ? Task.FromResult(ToStored<T>(partitionKey, id, entry))
            : throw new ConcurrencyConflictException(DocumentKey.For<T>(partitionKey, id));
    }

    public Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var partition = Partition<T>(partitionKey);
        if (!partition.TryGetValue(id, out var current) || current.Type != T.DocumentType)
        {
            return Task.FromResult(false);
        }

        if (etag is not null && current.ETag != etag)
        {
            throw new ConcurrencyConflictException(DocumentKey.For<T>(partitionKey, id));
        }

        return Task.FromResult(partition.TryRemove(new KeyValuePair<string, Entry>(id, current)));
    }

    public IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, CancellationToken cancellationToken = default)
        where T : class, IDocument =>
        QueryAsync<T>(DocumentQuery.InPartition(partitionKey), cancellationToken);

    public IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(query);
        return Select<T>(query, cancellationToken);
    }

    public IAsyncEnumerable<Stored<T>> QueryAllAsync<T>(CancellationToken cancellationToken = default)
        where T : class, IDocument =>
        Select<T>(null, cancellationToken);

    /// <summary>The documents of type <typeparamref name="T"/> that <paramref name="query"/> selects (all of them when it is null).</summary>
    private async IAsyncEnumerable<Stored<T>> Select<T>(DocumentQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IDocument
    {
        var partitions = query?.PartitionKey is { } key
            ? [((T.Container, key), Partition<T>(key))]
            : _partitions.Where(p => p.Key.Container == T.Container).Select(p => (p.Key, p.Value)).ToArray();
        foreach (var ((_, partition), documents) in partitions)
        {
            var matches = documents
                .Where(d => d.Value.Type == T.DocumentType && (query is null || query.Matches(partition, property => d.Value.Properties.GetValueOrDefault(property))))
                .OrderBy(d => d.Key, StringComparer.Ordinal)
                .ToArray();
            foreach (var (id, entry) in matches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ToStored<T>(partition, id, entry);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private ConcurrentDictionary<string, Entry> Partition<T>(string partitionKey) where T : IDocument
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionKey);
        return _partitions.GetOrAdd((T.Container, partitionKey), _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
    }

    private Entry EntryOf<T>(T value) where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = BillingJson.SerializeToUtf8(value);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && DocumentFilter.Indexed.Contains(name))
            {
                properties[name] = reader.GetString()!;
            }

            reader.Skip();
        }

        var etag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Entry(T.DocumentType, json, etag, properties);
    }

    private static Stored<T> ToStored<T>(string partitionKey, string id, Entry entry) where T : class, IDocument =>
        new(DocumentKey.For<T>(partitionKey, id), BillingJson.Deserialize<T>(entry.Json), entry.ETag);

    private sealed record Entry(string Type, byte[] Json, string ETag, Dictionary<string, string> Properties);
}
