namespace Billing.Core.Storage;

/// <summary>
/// The port for grouping many writes into one atomic, durable unit where the store can: the embedded SQLite store makes
/// a batch one transaction (one commit instead of one per write, which is most of a write's cost there); stores that
/// cannot (Cosmos DB, in memory) get <see cref="UnbatchedWrites"/>, whose batch is the store itself. Use cases receive it
/// through DI, beside their <see cref="IDocumentStore"/>. Ingestion writes each chunk of entries through one batch and
/// publishes the chunk's events only after <see cref="IDocumentWriteBatch.Commit"/>, so a crash loses either the whole
/// chunk (the replay redoes it) or nothing.
/// </summary>
public interface IDocumentWriteBatching
{
    /// <summary>
    /// Starts a batch. Only the operations made through its <see cref="IDocumentWriteBatch.Store"/> belong to it: they see
    /// each other and are applied together by <see cref="IDocumentWriteBatch.Commit"/>; disposing without committing
    /// discards them where the store batches. Other writers wait while a batch is open, so keep batches short and write
    /// nothing through another store meanwhile (that write would wait for this batch).
    /// </summary>
    IDocumentWriteBatch BeginWriteBatch();
}

/// <summary>A write batch begun by <see cref="IDocumentWriteBatching.BeginWriteBatch"/>.</summary>
public interface IDocumentWriteBatch : IDisposable
{
    /// <summary>The store whose operations belong to this batch; not to be used after the batch ends.</summary>
    IDocumentStore Store { get; }

    /// <summary>Makes the batch's writes durable and visible to others; the batch ends.</summary>
    void Commit();
}
