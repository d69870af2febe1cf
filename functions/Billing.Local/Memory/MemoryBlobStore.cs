using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Billing.Core.Storage;

namespace Billing.Local.Memory;

/// <summary>
/// <see cref="IBlobStore"/> in memory, with the semantics of the durable stores (create-if-absent refuses an existing
/// blob, a move replaces its destination, listings by prefix in name order), for capacity simulations
/// (<c>billing simulate</c>). Nothing survives the process; <see cref="Bytes"/> says how much it holds.
/// </summary>
public sealed class MemoryBlobStore(TimeProvider time) : IBlobStore
{
    private readonly ConcurrentDictionary<(string Container, string Path), Blob> _blobs = new();

    /// <summary>Blobs held.</summary>
    public int Count => _blobs.Count;

    /// <summary>Bytes held, over every blob.</summary>
    public long Bytes => _blobs.Values.Sum(b => (long)b.Content.Length);

    public async Task<bool> TryCreateAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        _blobs.TryAdd((blob.Container, blob.Path), await ReadAsync(content, metadata, cancellationToken).ConfigureAwait(false));

    public async Task WriteAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        _blobs[(blob.Container, blob.Path)] = await ReadAsync(content, metadata, cancellationToken).ConfigureAwait(false);

    public Task<Stream?> OpenReadAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue((blob.Container, blob.Path), out var stored) ? new MemoryStream(stored.Content, writable: false) : null);

    public Task<BlobInfo?> GetInfoAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue((blob.Container, blob.Path), out var stored) ? InfoOf(blob, stored) : null);

    public async IAsyncEnumerable<BlobInfo> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var matches = _blobs
            .Where(b => b.Key.Container == container && b.Key.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(b => b.Key.Path, StringComparer.Ordinal)
            .ToArray();
        foreach (var ((_, path), stored) in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return InfoOf(new BlobRef(container, path), stored);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task MoveAsync(BlobRef source, BlobRef destination, CancellationToken cancellationToken = default)
    {
        if (!_blobs.TryRemove((source.Container, source.Path), out var stored))
        {
            throw new FileNotFoundException($"Blob {source} does not exist.");
        }

        _blobs[(destination.Container, destination.Path)] = stored;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryRemove((blob.Container, blob.Path), out _));

    private async Task<Blob> ReadAsync(Stream content, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return new Blob(copy.ToArray(), time.GetUtcNow(), metadata ?? new Dictionary<string, string>());
    }

    private static BlobInfo InfoOf(BlobRef blob, Blob stored) => new(blob, stored.Content.Length, stored.Written, stored.Metadata);

    private sealed record Blob(byte[] Content, DateTimeOffset Written, IReadOnlyDictionary<string, string> Metadata);
}
