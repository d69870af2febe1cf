using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Billing.Core.Storage;
using BlobInfo = Billing.Core.Storage.BlobInfo;

namespace Billing.Azure.Storage;

/// <summary>
/// <see cref="IBlobStore"/> on Azure Blob Storage. Create-if-absent is an upload with If-None-Match: *
/// (409 → false). Reads stream through range requests (<see cref="BlobBaseClient.OpenReadAsync(BlobOpenReadOptions, CancellationToken)"/>),
/// never the whole blob in memory. A move copies by streaming (source → destination, with content type and
/// metadata), then deletes the source: a server-side copy needs the source to be readable by URL, which
/// with managed identity (no shared key, no SAS) it is not. Containers are created on first use.
/// </summary>
public sealed class AzureBlobStore(BlobServiceClient service) : IBlobStore
{
    private readonly ConcurrentDictionary<string, Task> _ensured = new(StringComparer.Ordinal);

    public async Task<bool> TryCreateAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var client = await BlobAsync(blob, cancellationToken);
        try
        {
            await client.UploadAsync(content, Options(contentType, metadata, new BlobRequestConditions { IfNoneMatch = ETag.All }), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task WriteAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var client = await BlobAsync(blob, cancellationToken);
        await client.UploadAsync(content, Options(contentType, metadata, null), cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(BlobRef blob, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Blob(blob).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<BlobInfo?> GetInfoAsync(BlobRef blob, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobProperties properties = await Blob(blob).GetPropertiesAsync(cancellationToken: cancellationToken);
            return new BlobInfo(blob, properties.ContentLength, properties.LastModified, ReadOnly(properties.Metadata));
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = service.GetBlobContainerClient(container);
        if (!await client.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        await foreach (var item in client.GetBlobsAsync(traits: BlobTraits.Metadata, states: BlobStates.None, prefix: string.IsNullOrEmpty(prefix) ? null : prefix, cancellationToken: cancellationToken))
        {
            yield return new BlobInfo(
                new BlobRef(container, item.Name), item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? DateTimeOffset.MinValue, ReadOnly(item.Metadata));
        }
    }

    public async Task MoveAsync(BlobRef source, BlobRef destination, CancellationToken cancellationToken = default)
    {
        var from = Blob(source);
        BlobProperties properties;
        try
        {
            properties = await from.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"Blob {source} does not exist; it cannot be moved.", source.ToString(), e);
        }

        var to = await BlobAsync(destination, cancellationToken);
        await using (var content = await from.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken))
        {
            await to.UploadAsync(content, Options(properties.ContentType, ReadOnly(properties.Metadata), null), cancellationToken);
        }

        await from.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    public async Task<bool> DeleteAsync(BlobRef blob, CancellationToken cancellationToken = default)
    {
        try
        {
            Response<bool> deleted = await Blob(blob).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            return deleted.Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return false; // the container does not exist
        }
    }

    private BlobClient Blob(BlobRef blob) => service.GetBlobContainerClient(blob.Container).GetBlobClient(blob.Path);

    private async Task<BlobClient> BlobAsync(BlobRef blob, CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient(blob.Container);
        var ensure = _ensured.GetOrAdd(blob.Container, _ => container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        try
        {
            await ensure.WaitAsync(cancellationToken);
        }
        catch (RequestFailedException)
        {
            _ensured.TryRemove(blob.Container, out _);
            throw;
        }

        return container.GetBlobClient(blob.Path);
    }

    private static BlobUploadOptions Options(string contentType, IReadOnlyDictionary<string, string>? metadata, BlobRequestConditions? conditions) => new()
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
        Metadata = metadata?.ToDictionary(StringComparer.Ordinal),
        Conditions = conditions,
    };

    private static Dictionary<string, string> ReadOnly(IDictionary<string, string>? metadata) =>
        metadata is null ? [] : new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
}
