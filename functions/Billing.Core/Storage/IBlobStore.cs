namespace Billing.Core.Storage;

/// <summary>
/// Blob storage: invoices, bank files and reports. Content is streamed, never required whole in memory.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes the blob only if it does not exist yet; false when it already did (nothing written).</summary>
    Task<bool> TryCreateAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>Writes the blob, replacing any previous content.</summary>
    Task WriteAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob for reading; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(BlobRef blob, CancellationToken cancellationToken = default);

    Task<BlobInfo?> GetInfoAsync(BlobRef blob, CancellationToken cancellationToken = default);

    IAsyncEnumerable<BlobInfo> ListAsync(string container, string prefix, CancellationToken cancellationToken = default);

    /// <summary>Moves a blob (copy, then delete the source). Moving onto an existing blob replaces it.</summary>
    Task MoveAsync(BlobRef source, BlobRef destination, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(BlobRef blob, CancellationToken cancellationToken = default);
}
