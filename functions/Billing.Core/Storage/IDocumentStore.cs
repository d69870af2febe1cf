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

    /// <summary>Every document of type <typeparamref name="T"/> in its container, across partitions, streamed. Its cost
    /// grows with history: for small containers (accounts, pauses, bank-file records) and exports only, never a hot path.</summary>
    IAsyncEnumerable<Stored<T>> QueryAllAsync<T>(CancellationToken cancellationToken = default)
        where T : class, IDocument;
}
