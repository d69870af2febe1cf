namespace Billing.Core.Storage;

/// <summary>A document a use case must change does not exist.</summary>
public sealed class DocumentNotFoundException(DocumentKey key)
    : Exception($"Document {key} does not exist.")
{
    public DocumentKey Key { get; } = key;
}
