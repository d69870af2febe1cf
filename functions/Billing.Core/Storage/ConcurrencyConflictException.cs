namespace Billing.Core.Storage;

/// <summary>A conditional replace lost: the document changed since it was read (HTTP 412 in Cosmos DB).</summary>
public sealed class ConcurrencyConflictException(DocumentKey key)
    : Exception($"Document {key} was changed by someone else since it was read.")
{
    public DocumentKey Key { get; } = key;
}
