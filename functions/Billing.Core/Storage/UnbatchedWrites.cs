namespace Billing.Core.Storage;

/// <summary>
/// <see cref="IDocumentWriteBatching"/> for a store that applies each write on its own (Cosmos DB, in memory): a batch is
/// the store itself, every write is durable when it returns, and ending a batch (committed or not) does nothing.
/// </summary>
public sealed class UnbatchedWrites(IDocumentStore store) : IDocumentWriteBatching
{
    public IDocumentWriteBatch BeginWriteBatch() => new Batch(store);

    private sealed class Batch(IDocumentStore store) : IDocumentWriteBatch
    {
        public IDocumentStore Store { get; } = store;

        public void Commit()
        {
        }

        public void Dispose()
        {
        }
    }
}
