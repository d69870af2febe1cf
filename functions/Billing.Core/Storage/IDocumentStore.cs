namespace Billing.Core.Storage;

/// <summary>
/// The document store every use case works through: point reads, create-if-absent, ETag-conditional
/// replace, and queries by type within a partition (or, for schedulers and reports, across partitions).
/// Writes are never blind: exactly-once effects come from deterministic ids plus these conditions.
/// </summary>
public interface IDocumentStore
{
    Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default)
        where T : class, IDocument;

    /// <summary>Creates the document if no document has its key; returns <c>null</c> when one already exists.</summary>
    Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default)
        where T : class, IDocument;

    /// <summary>
    /// Replaces the document if its ETag is still <paramref name="etag"/>. The new value may be of another document type
    /// with the same container (a <c>pendingEvent</c> becomes a <c>relayedEvent</c>): the document is then found as that type only.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The document changed (or vanished) since it was read.</exception>
    Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default)
        where T : class, IDocument;

    /// <summary>Deletes the document if it exists and (when given) its ETag matches; false when it was not there.</summary>
    Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default)
        where T : class, IDocument;

    /// <summary>Every document of type <typeparamref name="T"/> in one partition, in id order.</summary>
    IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, CancellationToken cancellationToken = default)
        where T : class, IDocument;

    /// <summary>
    /// The documents of type <typeparamref name="T"/> that <paramref name="query"/> selects, streamed: within one partition
    /// in id order, across partitions in no promised order. Every store answers from indexes on
    /// <see cref="DocumentFilter.Indexed"/> properties, so the cost follows the documents returned, not the container.
    /// </summary>
    IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
        where T : class, IDocument;

    /// <summary>
    /// One page of what <paramref name="query"/> selects, in a total order: by the value of the query's first condition's
    /// property, then partition key, then id (ordinal), starting after <paramref name="after"/> (from the start when null),
    /// at most <paramref name="size"/> documents. The durable stores answer from the first condition's index already in
    /// that order (SQLite: the expression index, whose rows end with partition key and id; Cosmos DB: a composite index),
    /// so a page costs its own documents whatever the container holds. The default reads every match and sorts them: right
    /// for any store, cheap only for small ones (the in-memory stores of tests).
    /// </summary>
    async Task<DocumentPage<T>> QueryPageAsync<T>(DocumentQuery query, int size, DocumentCursor? after, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var property = query.OrderProperty;
        var matches = new List<(string Value, Stored<T> Document)>();
        await foreach (var document in QueryAsync<T>(query, cancellationToken).ConfigureAwait(false))
        {
            var value = DocumentQuery.PropertyOf(document.Value, property) ?? "";
            if (after is null || after.CompareTo(value, document.Key.PartitionKey, document.Key.Id) < 0)
            {
                matches.Add((value, document));
            }
        }

        var page = matches
            .OrderBy(m => m.Value, StringComparer.Ordinal)
            .ThenBy(m => m.Document.Key.PartitionKey, StringComparer.Ordinal)
            .ThenBy(m => m.Document.Key.Id, StringComparer.Ordinal)
            .Take(size)
            .ToList();
        var next = page.Count == size && matches.Count > size
            ? new DocumentCursor(page[^1].Value, page[^1].Document.Key.PartitionKey, page[^1].Document.Key.Id)
            : null;
        return new DocumentPage<T>(page.Select(m => m.Document).ToList(), next);
    }

    /// <summary>Every document of type <typeparamref name="T"/> in its container, across partitions, streamed. Its cost
    /// grows with history: for small containers (accounts, pauses, bank-file records) and exports only, never a hot path.</summary>
    IAsyncEnumerable<Stored<T>> QueryAllAsync<T>(CancellationToken cancellationToken = default)
        where T : class, IDocument;
}
