namespace Billing.Core.Storage;

/// <summary>
/// An optional capability of an <see cref="IDocumentStore"/> (the embedded SQLite store has it): grouping many
/// writes into one atomic, durable unit, which is far cheaper than one commit per write. Ingestion uses it per chunk
/// of entries and publishes the chunk's events only after <see cref="IDocumentWriteBatch.Commit"/>, so a crash
/// loses either the whole chunk (the replay redoes it) or nothing; stores without it get one write at a time.
/// </summary>
public interface IDocumentWriteBatching
{
    /// <summary>
    /// Starts a batch for the calling flow (async continuations included): the store's operations it makes until the
    /// batch is disposed see each other and are applied together by <see cref="IDocumentWriteBatch.Commit"/>;
    /// disposing without committing discards them. Tasks started inside the batch inherit it, so start no concurrent store
    /// work there; other writers wait meanwhile, so keep batches short. Batches do not nest.
    /// </summary>
    IDocumentWriteBatch BeginWriteBatch();
}

/// <summary>A write batch begun by <see cref="IDocumentWriteBatching.BeginWriteBatch"/>.</summary>
public interface IDocumentWriteBatch : IDisposable
{
    /// <summary>Makes the batch's writes durable and visible to others; the batch ends.</summary>
    void Commit();
}
