namespace Billing.Local.Storage;

/// <summary>What a folder blob keeps beside its content: the content type and the metadata.</summary>
internal sealed record BlobSidecar(string ContentType, IReadOnlyDictionary<string, string>? Metadata)
{
    public static BlobSidecar Empty { get; } = new("application/octet-stream", new Dictionary<string, string>());
}
