namespace Billing.Core.Storage;

/// <summary>
/// Reading a whole blob into memory, for the small documents that travel as email attachments (an invoice's PDF
/// and UBL file). Large blobs (bank files, reports) are streamed with <see cref="IBlobStore.OpenReadAsync"/> instead.
/// </summary>
public static class BlobContent
{
    /// <summary>The content of <paramref name="blob"/>, or null when it does not exist; the caller decides whether that is an error.</summary>
    public static async Task<byte[]?> ReadAllBytesAsync(this IBlobStore blobs, BlobRef blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        await using var stream = await blobs.OpenReadAsync(blob, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
