using System.Runtime.CompilerServices;
using System.Text.Json;
using Billing.Core.Serialization;
using Billing.Core.Storage;

namespace Billing.Local.Storage;

/// <summary>
/// <see cref="IBlobStore"/> on folders: blob <c>container/a/b.pdf</c> is the file <c>blobs/container/a/b.pdf</c>.
/// Content type and metadata live in a sidecar under <c>blobs/.meta/</c>, which listings never show. Every
/// write goes to a temporary file under <c>blobs/.tmp/</c> first and is then moved into place, so a reader
/// never sees half a blob; create-if-absent is that move without overwrite. A container or path that
/// would resolve outside <c>blobs/</c> is rejected.
/// </summary>
public sealed class FolderBlobStore : IBlobStore
{
    private const string MetaFolder = ".meta";
    private const string TempFolder = ".tmp";
    private readonly string _root;

    public FolderBlobStore(LocalDataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _root = Path.GetFullPath(data.Blobs);
        Directory.CreateDirectory(Path.Combine(_root, TempFolder));
    }

    public async Task<bool> TryCreateAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var target = FileOf(blob);
        if (File.Exists(target))
        {
            return false;
        }

        var temp = await WriteTempAsync(content, cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temp);
            return false;
        }

        await WriteSidecarAsync(blob, new BlobSidecar(contentType, metadata), cancellationToken);
        return true;
    }

    public async Task WriteAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var target = FileOf(blob);
        var temp = await WriteTempAsync(content, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(temp, target, overwrite: true);
        await WriteSidecarAsync(blob, new BlobSidecar(contentType, metadata), cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(BlobRef blob, CancellationToken cancellationToken = default)
    {
        var file = FileOf(blob);
        try
        {
            Stream stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async Task<BlobInfo?> GetInfoAsync(BlobRef blob, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(FileOf(blob));
        return file.Exists ? await InfoOfAsync(blob, file, cancellationToken) : null;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = ContainerFolder(container);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var paths = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => p.StartsWith(prefix ?? "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blob = new BlobRef(container, path);
            var file = new FileInfo(FileOf(blob));
            if (file.Exists)
            {
                yield return await InfoOfAsync(blob, file, cancellationToken);
            }
        }
    }

    public async Task MoveAsync(BlobRef source, BlobRef destination, CancellationToken cancellationToken = default)
    {
        var info = await GetInfoAsync(source, cancellationToken)
            ?? throw new FileNotFoundException($"Blob {source} does not exist.", source.ToString());
        var sidecar = await ReadSidecarAsync(source, cancellationToken);
        await using (var content = await OpenReadAsync(source, cancellationToken) ?? throw new FileNotFoundException($"Blob {source} vanished.", source.ToString()))
        {
            await WriteAsync(destination, content, sidecar.ContentType, info.Metadata, cancellationToken);
        }

        await DeleteAsync(source, cancellationToken);
    }

    public Task<bool> DeleteAsync(BlobRef blob, CancellationToken cancellationToken = default)
    {
        var file = FileOf(blob);
        var existed = File.Exists(file);
        DeleteIfPresent(file);
        DeleteIfPresent(SidecarOf(blob));
        return Task.FromResult(existed);
    }

    /// <summary>File.Delete ignores a missing file but throws when its folder is missing (a blob never written, or one without a sidecar).</summary>
    private static void DeleteIfPresent(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing there to delete.
        }
    }

    private async Task<BlobInfo> InfoOfAsync(BlobRef blob, FileInfo file, CancellationToken cancellationToken)
    {
        var sidecar = await ReadSidecarAsync(blob, cancellationToken);
        return new BlobInfo(blob, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), sidecar.Metadata ?? new Dictionary<string, string>());
    }

    private async Task<string> WriteTempAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temp = Path.Combine(_root, TempFolder, $"{Guid.NewGuid():N}.tmp");
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await content.CopyToAsync(file, cancellationToken);
        return temp;
    }

    private async Task WriteSidecarAsync(BlobRef blob, BlobSidecar sidecar, CancellationToken cancellationToken)
    {
        var path = SidecarOf(blob);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = await WriteTempAsync(new MemoryStream(BillingJson.SerializeToUtf8(sidecar)), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    private async Task<BlobSidecar> ReadSidecarAsync(BlobRef blob, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(SidecarOf(blob));
            return await JsonSerializer.DeserializeAsync<BlobSidecar>(stream, BillingJson.Options, cancellationToken) ?? BlobSidecar.Empty;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return BlobSidecar.Empty;
        }
    }

    private string FileOf(BlobRef blob) => Inside(ContainerFolder(blob.Container), blob.Path);

    private string SidecarOf(BlobRef blob) => Inside(Path.Combine(_root, MetaFolder, blob.Container), blob.Path + ".json");

    private string ContainerFolder(string container)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        if (container.StartsWith('.') || container.Contains('/', StringComparison.Ordinal) || container.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{container}' is not a container name.", nameof(container));
        }

        return Inside(_root, container);
    }

    private static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var prefix = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) || full == prefix.TrimEnd(Path.DirectorySeparatorChar)
            ? full
            : throw new ArgumentException($"'{relative}' resolves outside the blob folder.", nameof(relative));
    }
}
