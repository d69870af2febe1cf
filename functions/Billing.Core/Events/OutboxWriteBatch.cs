using Billing.Core.Storage;

namespace Billing.Core.Events;

/// <summary>The outbox's writes as one commit where the store can group writes (SQLite).</summary>
internal static class OutboxWriteBatch
{
    /// <summary>
    /// Begins a write batch, or returns <c>null</c> when the store has none or the caller is already inside one (batches do
    /// not nest): then the caller's commit covers these writes too.
    /// </summary>
    public static IDocumentWriteBatch? Begin(IDocumentStore store)
    {
        try
        {
            return (store as IDocumentWriteBatching)?.BeginWriteBatch();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
