namespace Billing.Core.Storage;

/// <summary>What a listing tells about a blob.</summary>
public sealed record BlobInfo(BlobRef Blob, long Length, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Metadata);
