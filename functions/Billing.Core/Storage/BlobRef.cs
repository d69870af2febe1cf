namespace Billing.Core.Storage;

/// <summary>A blob's address: container and path inside it (forward slashes, no leading slash).</summary>
public readonly record struct BlobRef
{
    public BlobRef(string container, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Split('/').Any(s => s is ".." or "." or ""))
        {
            throw new ArgumentException($"'{path}' is not a relative blob path with forward slashes.", nameof(path));
        }

        Container = container;
        Path = path;
    }

    public string Container { get; }

    public string Path { get; }

    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    public override string ToString() => $"{Container}/{Path}";
}
