using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Billing.Core.Serialization;
using Billing.Core.Storage;

namespace Billing.Local.Storage;

/// <summary>
/// <see cref="IDocumentStore"/> on the <c>documents</c> table of <c>billing.db</c>: one row per document, keyed
/// by (container, partition key, id), the body serialised with <see cref="BillingJson.Options"/>. Create is an
/// INSERT that a unique-key violation turns into <c>null</c>; replace and delete are conditional on the ETag
/// in the same statement (<c>WHERE etag = …</c>), so two writers racing on one version cannot both win; a replace
/// may change the document's type (a pending event becomes a relayed one), as in Cosmos DB.
/// Every write stamps a fresh ETag. A write batch (<see cref="BeginWriteBatch"/>) is one transaction on a connection of its
/// own; its <see cref="IDocumentWriteBatch.Store"/> is a store on that connection, whose operations are committed together.
/// </summary>
public sealed class SqliteDocumentStore(LocalDatabase database, TimeProvider time) : IDocumentStore, IDocumentWriteBatching
{
    private readonly LocalDatabase.WriteBatch? _batch;

    private SqliteDocumentStore(LocalDatabase database, TimeProvider time, LocalDatabase.WriteBatch batch)
        : this(database, time) => _batch = batch;

    private const string SelectOne =
        "SELECT body, etag FROM documents WHERE container = @p0 AND partition_key = @p1 AND id = @p2 AND type = @p3";
    private const string Insert =
        "INSERT INTO documents (container, partition_key, id, type, etag, body, updated_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6) ON CONFLICT DO NOTHING";
    private const string Update =
        "UPDATE documents SET body = @p4, etag = @p5, updated_at = @p6, type = @p7 WHERE container = @p0 AND partition_key = @p1 AND id = @p2 AND etag = @p3";
    private const string DeleteAny =
        "DELETE FROM documents WHERE container = @p0 AND partition_key = @p1 AND id = @p2 AND type = @p3";
    private const string DeleteIfMatch =
        "DELETE FROM documents WHERE container = @p0 AND partition_key = @p1 AND id = @p2 AND type = @p3 AND etag = @p4";
    private const string SelectExists =
        "SELECT 1 FROM documents WHERE container = @p0 AND partition_key = @p1 AND id = @p2";
    private const string SelectPartition =
        "SELECT id, body, etag FROM documents WHERE container = @p0 AND partition_key = @p1 AND type = @p2 ORDER BY id";
    private const string SelectAll =
        "SELECT partition_key, id, body, etag FROM documents WHERE container = @p0 AND type = @p1";

    public Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var key = new DocumentKey(T.Container, partitionKey, id);
        using var connection = Rent();
        using var reader = connection.Command(SelectOne, key.Container, key.PartitionKey, key.Id, T.DocumentType).ExecuteReader();
        return Task.FromResult(reader.Read() ? new Stored<T>(key, Deserialize<T>(reader.GetString(0)), reader.GetString(1)) : null);
    }

    public Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = new DocumentKey(T.Container, partitionKey, id);
        var etag = NewETag();
        using var connection = Rent();
        var inserted = connection.Command(Insert, key.Container, key.PartitionKey, key.Id, T.DocumentType, etag, BillingJson.Serialize(value), Now())
            .ExecuteNonQuery();
        return Task.FromResult(inserted == 1 ? new Stored<T>(key, value, etag) : null);
    }

    public Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        var key = new DocumentKey(T.Container, partitionKey, id);
        var next = NewETag();
        using var connection = Rent();
        var updated = connection.Command(Update, key.Container, key.PartitionKey, key.Id, etag, BillingJson.Serialize(value), next, Now(), T.DocumentType)
            .ExecuteNonQuery();
        return updated == 1 ? Task.FromResult(new Stored<T>(key, value, next)) : throw new ConcurrencyConflictException(key);
    }

    public Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var key = new DocumentKey(T.Container, partitionKey, id);
        using var connection = Rent();
        if (etag is null)
        {
            return Task.FromResult(connection.Command(DeleteAny, key.Container, key.PartitionKey, key.Id, T.DocumentType).ExecuteNonQuery() == 1);
        }

        if (connection.Command(DeleteIfMatch, key.Container, key.PartitionKey, key.Id, T.DocumentType, etag).ExecuteNonQuery() == 1)
        {
            return Task.FromResult(true);
        }

        using var exists = connection.Command(SelectExists, key.Container, key.PartitionKey, key.Id).ExecuteReader();
        return exists.Read() ? throw new ConcurrencyConflictException(key) : Task.FromResult(false);
    }

    public async IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionKey);
        using var connection = Rent();
        using var reader = connection.Command(SelectPartition, T.Container, partitionKey, T.DocumentType).ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Stored<T>(new DocumentKey(T.Container, partitionKey, reader.GetString(0)), Deserialize<T>(reader.GetString(1)), reader.GetString(2));
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<Stored<T>> QueryAllAsync<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        using var connection = Rent();
        using var reader = connection.Command(SelectAll, T.Container, T.DocumentType).ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = new DocumentKey(T.Container, reader.GetString(0), reader.GetString(1));
            yield return new Stored<T>(key, Deserialize<T>(reader.GetString(2)), reader.GetString(3));
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, values) = SqliteDocumentQuery.Translate(query, T.Container, T.DocumentType);
        using var connection = Rent();
        using var reader = connection.Command(sql, values).ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = new DocumentKey(T.Container, reader.GetString(0), reader.GetString(1));
            yield return new Stored<T>(key, Deserialize<T>(reader.GetString(2)), reader.GetString(3));
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<DocumentPage<T>> QueryPageAsync<T>(DocumentQuery query, int size, DocumentCursor? after, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var (sql, values) = SqliteDocumentQuery.TranslatePage(query, T.Container, T.DocumentType, size, after);
        using var connection = Rent();
        using var reader = connection.Command(sql, values).ExecuteReader();
        var items = new List<Stored<T>>();
        DocumentCursor? next = null;
        var lastValue = "";
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (items.Count == size)
            {
                var last = items[^1].Key;
                next = new DocumentCursor(lastValue, last.PartitionKey, last.Id);
                break;
            }

            var key = new DocumentKey(T.Container, reader.GetString(0), reader.GetString(1));
            items.Add(new Stored<T>(key, Deserialize<T>(reader.GetString(2)), reader.GetString(3)));
            lastValue = reader.IsDBNull(4) ? "" : Convert.ToString(reader.GetValue(4), CultureInfo.InvariantCulture) ?? "";
        }

        return Task.FromResult(new DocumentPage<T>(items, next));
    }


    public IDocumentWriteBatch BeginWriteBatch()
    {
        if (_batch is not null)
        {
            throw new InvalidOperationException("A write batch's store cannot begin another batch: batches do not nest.");
        }

        var batch = database.BeginWriteBatch();
        return new Batch(batch, new SqliteDocumentStore(database, time, batch));
    }

    /// <summary>A connection from the pool, or the batch's connection for a batch's store.</summary>
    private ConnectionLease Rent() => _batch is null ? database.Rent() : _batch.Lease();

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, BillingJson.Options)
        ?? throw new JsonException($"A stored {typeof(T).Name} is JSON null.");

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private sealed class Batch(LocalDatabase.WriteBatch batch, SqliteDocumentStore store) : IDocumentWriteBatch
    {
        public IDocumentStore Store => store;

        public void Commit() => batch.Commit();

        public void Dispose() => batch.Dispose();
    }

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
