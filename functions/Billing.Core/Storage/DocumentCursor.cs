namespace Billing.Core.Storage;

/// <summary>
/// Where a page of <see cref="IDocumentStore.QueryPageAsync{T}"/> ended: the ordering value of its last document (the
/// query's first condition's property), that document's partition key and its id. The next page starts after it, so a
/// cursor is a plain key (a keyset), not a store's opaque token: it fits in a queue message, means the same on every
/// store, and a message delivered twice reads the same page again.
/// </summary>
public sealed record DocumentCursor
{
    public DocumentCursor(string value, string partitionKey, string id)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Value = value;
        PartitionKey = partitionKey;
        Id = id;
    }

    /// <summary>The ordering property's value of the last document read.</summary>
    public string Value { get; }

    public string PartitionKey { get; }

    public string Id { get; }

    /// <summary>The ordinal order of pages: by value, then partition key, then id.</summary>
    public int CompareTo(string value, string partitionKey, string id)
    {
        var byValue = string.CompareOrdinal(Value, value);
        if (byValue != 0)
        {
            return byValue;
        }

        var byPartition = string.CompareOrdinal(PartitionKey, partitionKey);
        return byPartition != 0 ? byPartition : string.CompareOrdinal(Id, id);
    }

    public override string ToString() => $"({Value}, {PartitionKey}, {Id})";
}
