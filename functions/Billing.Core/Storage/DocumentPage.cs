namespace Billing.Core.Storage;

/// <summary>
/// One page of a <see cref="IDocumentStore.QueryPageAsync{T}"/>: at most the page size of documents in cursor order, and
/// the cursor to continue from, or null when the query has nothing after this page.
/// </summary>
public sealed record DocumentPage<T>(IReadOnlyList<Stored<T>> Items, DocumentCursor? Next);
