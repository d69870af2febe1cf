namespace Billing.Core.Storage;

/// <summary>
/// A read-modify-replace gave up: the document changed under every attempt. Transient by nature (the message
/// is retried by its queue), but never silent: it names the document and how often it tried.
/// </summary>
public sealed class ContentionException(DocumentKey key, int attempts)
    : Exception($"Document {key} stayed contended for {attempts} attempts; giving up so the caller can retry later.")
{
    public DocumentKey Key { get; } = key;

    public int Attempts { get; } = attempts;
}
