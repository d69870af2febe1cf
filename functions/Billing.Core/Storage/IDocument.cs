namespace Billing.Core.Storage;

/// <summary>
/// A document kept in an <see cref="IDocumentStore"/>. <see cref="DocumentType"/> is stored beside it
/// (the <c>type</c> property in Cosmos DB, a column in SQLite) so one container can hold several kinds.
/// </summary>
public interface IDocument
{
    static abstract string DocumentType { get; }

    static abstract string Container { get; }
}
