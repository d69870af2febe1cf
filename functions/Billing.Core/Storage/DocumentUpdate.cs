namespace Billing.Core.Storage;

/// <summary>
/// The one read-modify-replace loop every use case shares (STYLE rule 11: a decision about shared state is
/// made against the version it writes). It reads the document, asks <c>decide</c> what the new version is
/// (or that nothing is to be done), and replaces it conditional on the ETag it read; on a conflict it reads
/// again and decides again. It gives up after <see cref="DefaultMaxAttempts"/> conflicts with a
/// <see cref="ContentionException"/> that names the document: never an unbounded loop.
/// </summary>
public static class DocumentUpdate
{
    /// <summary>Conflicts tolerated before giving up. Each conflict means another writer made progress.</summary>
    public const int DefaultMaxAttempts = 64;

    /// <summary>
    /// Reads <typeparamref name="T"/> at (<paramref name="partitionKey"/>, <paramref name="id"/>), applies
    /// <paramref name="decide"/> to the current version and replaces it with the result. <paramref name="decide"/>
    /// returns <c>null</c> when the document needs no change (the current version is returned). Returns
    /// <c>null</c> when the document does not exist.
    /// </summary>
    /// <exception cref="ContentionException">The document changed under every one of <paramref name="maxAttempts"/> attempts.</exception>
    public static async Task<Stored<T>?> UpdateAsync<T>(
        this IDocumentStore store,
        string partitionKey,
        string id,
        Func<T, T?> decide,
        CancellationToken cancellationToken = default,
        int maxAttempts = DefaultMaxAttempts)
        where T : class, IDocument
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            var current = await store.ReadAsync<T>(partitionKey, id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            if (decide(current.Value) is not { } changed)
            {
                return current;
            }

            try
            {
                return await store.ReplaceAsync(partitionKey, id, changed, current.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                // Another writer won this round: decide again against the version it wrote.
            }
        }

        throw new ContentionException(DocumentKey.For<T>(partitionKey, id), maxAttempts);
    }

    /// <summary>As <see cref="UpdateAsync{T}"/>, for a document that must exist.</summary>
    /// <exception cref="DocumentNotFoundException">The document does not exist.</exception>
    public static async Task<Stored<T>> UpdateExistingAsync<T>(
        this IDocumentStore store,
        string partitionKey,
        string id,
        Func<T, T?> decide,
        CancellationToken cancellationToken = default,
        int maxAttempts = DefaultMaxAttempts)
        where T : class, IDocument =>
        await store.UpdateAsync(partitionKey, id, decide, cancellationToken, maxAttempts).ConfigureAwait(false)
        ?? throw new DocumentNotFoundException(DocumentKey.For<T>(partitionKey, id));
}
