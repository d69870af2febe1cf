namespace Billing.Core.Storage;

/// <summary>
/// What <see cref="IDocumentStore.QueryAsync{T}"/> reads: documents of one type, in one partition or (when
/// <see cref="PartitionKey"/> is null) across partitions, that meet every one of <see cref="Filters"/>. At least one
/// condition or a partition is required, so a query always touches an index, never a whole container.
/// </summary>
public sealed record DocumentQuery
{
    private DocumentQuery(string? partitionKey, IReadOnlyList<DocumentFilter> filters)
    {
        PartitionKey = partitionKey;
        Filters = filters;
    }

    /// <summary>The partition to read, or null to read across partitions.</summary>
    public string? PartitionKey { get; }

    public IReadOnlyList<DocumentFilter> Filters { get; }

    /// <summary>Documents in one partition (add conditions with <see cref="Where"/>).</summary>
    public static DocumentQuery InPartition(string partitionKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionKey);
        return new(partitionKey, []);
    }

    /// <summary>Documents across partitions that meet <paramref name="filter"/>.</summary>
    public static DocumentQuery Across(DocumentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(null, [filter]);
    }

    /// <summary>This query with one more condition.</summary>
    public DocumentQuery Where(DocumentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(PartitionKey, [.. Filters, filter]);
    }

    /// <summary>Whether a document in <paramref name="partitionKey"/> whose indexed properties read through
    /// <paramref name="propertyOf"/> matches (stores that filter in memory use it).</summary>
    public bool Matches(string partitionKey, Func<string, string?> propertyOf)
    {
        ArgumentNullException.ThrowIfNull(propertyOf);
        return (PartitionKey is null || PartitionKey == partitionKey) && Filters.All(f => f.Matches(propertyOf(f.Property)));
    }

    public override string ToString() =>
        $"{(PartitionKey is null ? "across partitions" : $"partition {PartitionKey}")}{(Filters.Count == 0 ? "" : " where ")}{string.Join(" and ", Filters)}";
}
