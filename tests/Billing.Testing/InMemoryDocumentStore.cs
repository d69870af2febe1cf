using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Billing.Core.Serialization;
using Billing.Core.Storage;

namespace Billing.Testing;

/// <summary>
/// A document store in memory for unit tests, with the same semantics as the real ones: values are
/// serialised (so a caller never shares an instance with the store), create-if-absent, ETag-conditional
/// replace, filtered queries. <see cref="BeforeReplace"/> lets a test interleave a competing write; <see cref="BeforeWrite"/>
/// runs before every create, replace and delete (a test throws from it to crash a worker at a chosen write);
/// <see cref="BeforeRead"/> before every point read; <see cref="Queries"/> counts queries.
/// </summary>
public sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<(string Container, string Partition, string Id), (string Type, string Json, string ETag)> _documents = new();
    private long _etag;

    public Func<DocumentKey, Task>? BeforeReplace { get; set; }

    public Func<DocumentKey, Task>? BeforeWrite { get; set; }

    public int Count => _documents.Count;

    /// <summary>Runs before every point read (a test interleaves another worker's writes between two reads).</summary>
    public Func<DocumentKey, Task>? BeforeRead { get; set; }

    /// <summary>Queries started (<see cref="QueryAsync{T}"/>), of every type.</summary>
    public int Queries => _queries;

    private int _queries;

    public async Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default) where T : class, IDocument
    {
        if (BeforeRead is { } read)
        {
            await read(new DocumentKey(T.Container, partitionKey, id));
        }

        return _documents.TryGetValue((T.Container, partitionKey, id), out var entry) && entry.Type == T.DocumentType
            ? new Stored<T>(new DocumentKey(T.Container, partitionKey, id), BillingJson.Deserialize<T>(entry.Json), entry.ETag)
            : null;
    }

    public async Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default) where T : class, IDocument
    {
        if (BeforeWrite is { } write)
        {
            await write(new DocumentKey(T.Container, partitionKey, id));
        }

        var json = BillingJson.Serialize(value);
        var etag = NextETag();
        var added = _documents.TryAdd((T.Container, partitionKey, id), (T.DocumentType, json, etag));
        return added ? new Stored<T>(new DocumentKey(T.Container, partitionKey, id), BillingJson.Deserialize<T>(json), etag) : null;
    }

    public async Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default) where T : class, IDocument
    {
        var key = new DocumentKey(T.Container, partitionKey, id);
        if (BeforeWrite is { } write)
        {
            await write(key);
        }

        if (BeforeReplace is { } hook)
        {
            await hook(key);
        }

        var json = BillingJson.Serialize(value);
        var next = NextETag();
        var slot = (T.Container, partitionKey, id);
        if (!_documents.TryGetValue(slot, out var current) || current.ETag != etag
            || !_documents.TryUpdate(slot, (T.DocumentType, json, next), current))
        {
            throw new ConcurrencyConflictException(key);
        }

        return new Stored<T>(key, BillingJson.Deserialize<T>(json), next);
    }

    public async Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default) where T : class, IDocument
    {
        if (BeforeWrite is { } write)
        {
            await write(new DocumentKey(T.Container, partitionKey, id));
        }

        var slot = (T.Container, partitionKey, id);
        if (!_documents.TryGetValue(slot, out var current))
        {
            return false;
        }

        if (etag is not null && current.ETag != etag)
        {
            throw new ConcurrencyConflictException(new DocumentKey(T.Container, partitionKey, id));
        }

        return _documents.TryRemove(slot, out _);
    }

    public async IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class, IDocument
    {
        await Task.Yield();
        foreach (var (key, entry) in Snapshot().Where(d => d.Key.Container == T.Container && d.Key.Partition == partitionKey && d.Value.Type == T.DocumentType).OrderBy(d => d.Key.Id, StringComparer.Ordinal))
        {
            yield return new Stored<T>(new DocumentKey(key.Container, key.Partition, key.Id), BillingJson.Deserialize<T>(entry.Json), entry.ETag);
        }
    }

    public async IAsyncEnumerable<Stored<T>> QueryAllAsync<T>([EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class, IDocument
    {
        await Task.Yield();
        foreach (var (key, entry) in Snapshot().Where(d => d.Key.Container == T.Container && d.Value.Type == T.DocumentType).OrderBy(d => d.Key.Partition, StringComparer.Ordinal).ThenBy(d => d.Key.Id, StringComparer.Ordinal))
        {
            yield return new Stored<T>(new DocumentKey(key.Container, key.Partition, key.Id), BillingJson.Deserialize<T>(entry.Json), entry.ETag);
        }
    }

    public async IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class, IDocument
    {
        Interlocked.Increment(ref _queries);
        await Task.Yield();
        var matches = Snapshot()
            .Where(d => d.Key.Container == T.Container && d.Value.Type == T.DocumentType && query.Matches(d.Key.Partition, PropertyReader(d.Value.Json)))
            .OrderBy(d => d.Key.Partition, StringComparer.Ordinal).ThenBy(d => d.Key.Id, StringComparer.Ordinal);
        foreach (var (key, entry) in matches)
        {
            yield return new Stored<T>(new DocumentKey(key.Container, key.Partition, key.Id), BillingJson.Deserialize<T>(entry.Json), entry.ETag);
        }
    }

    /// <summary>Reads a top-level string property of a stored document's JSON (null when absent or not a string).</summary>
    public static Func<string, string?> PropertyReader(string json) => property =>
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
            ? value.GetString()
            : null;
    };

    private KeyValuePair<(string Container, string Partition, string Id), (string Type, string Json, string ETag)>[] Snapshot() => _documents.ToArray();

    private string NextETag() => Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
