using Billing.Core.Storage;

namespace Billing.Testing.Simulation;

/// <summary>A blob store whose operations may fail before they take effect, or (a write) after.</summary>
public sealed class FaultyBlobStore(IBlobStore inner, SimulationFaults faults) : IBlobStore
{
    public Task<bool> TryCreateAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        faults.RunAsync($"create blob {blob}", true, () => inner.TryCreateAsync(blob, content, contentType, metadata, cancellationToken));

    public Task WriteAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        faults.RunAsync($"write blob {blob}", true, async () =>
        {
            await inner.WriteAsync(blob, content, contentType, metadata, cancellationToken);
            return 0;
        });

    public Task<Stream?> OpenReadAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        faults.RunAsync($"read blob {blob}", false, () => inner.OpenReadAsync(blob, cancellationToken));

    public Task<BlobInfo?> GetInfoAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        faults.RunAsync($"stat blob {blob}", false, () => inner.GetInfoAsync(blob, cancellationToken));

    public IAsyncEnumerable<BlobInfo> ListAsync(string container, string prefix, CancellationToken cancellationToken = default) =>
        inner.ListAsync(container, prefix, cancellationToken);

    public Task MoveAsync(BlobRef source, BlobRef destination, CancellationToken cancellationToken = default) =>
        faults.RunAsync($"move blob {source}", true, async () =>
        {
            await inner.MoveAsync(source, destination, cancellationToken);
            return 0;
        });

    public Task<bool> DeleteAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        faults.RunAsync($"delete blob {blob}", true, () => inner.DeleteAsync(blob, cancellationToken));
}
