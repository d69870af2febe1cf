namespace Billing.Local;

/// <summary>
/// The folder the embedded default keeps everything in: <c>billing.db</c> (documents and queues),
/// <c>blobs/</c> (one folder per container), <c>outbox/</c> (.eml files), <c>events.jsonl</c> and
/// <c>settings.json</c>. The constructor creates the folder when it does not exist; <see cref="OpenReadOnly"/> creates
/// nothing, and the database of a read-only folder is opened read-only (reading never needs write access).
/// </summary>
public sealed class LocalDataDirectory
{
    public LocalDataDirectory(string root)
        : this(root, readOnly: false)
    {
    }

    private LocalDataDirectory(string root, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        IsReadOnly = readOnly;
        if (!readOnly)
        {
            Directory.CreateDirectory(Root);
        }
    }

    public string Root { get; }

    /// <summary>True when this process only reads the folder: nothing is created in it and <c>billing.db</c> is opened read-only.</summary>
    public bool IsReadOnly { get; }

    /// <summary>The folder at <paramref name="root"/> for reading only; it is not created.</summary>
    public static LocalDataDirectory OpenReadOnly(string root) => new(root, readOnly: true);

    /// <summary>The SQLite database holding the documents, the work queues and the poison messages.</summary>
    public string Database => Path.Combine(Root, "billing.db");

    public string Blobs => Path.Combine(Root, "blobs");

    public string Outbox => Path.Combine(Root, "outbox");

    public string Events => Path.Combine(Root, "events.jsonl");

    public string Settings => Path.Combine(Root, "settings.json");

    /// <summary>The folder of one blob container.</summary>
    public string BlobContainer(string container) => Path.Combine(Blobs, container);

    /// <summary>The file of blob <paramref name="path"/> (slash-separated, as in a <c>BlobRef</c>) in <paramref name="container"/>.</summary>
    public string BlobFile(string container, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.Combine([BlobContainer(container), .. path.Split('/', StringSplitOptions.RemoveEmptyEntries)]);
    }

    public override string ToString() => Root;
}
