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

    /// <summary>The property pages of this query are ordered by (<see cref="IDocumentStore.QueryPageAsync{T}"/>): its first condition's.</summary>
    public string OrderProperty => Filters.Count > 0
        ? Filters[0].Property
        : throw new InvalidOperationException($"A query in one partition with no condition ({this}) has no order for pages: add a condition.");

    /// <summary>The string value of top-level <paramref name="property"/> of <paramref name="document"/> as stored (null when absent or not a string).</summary>
    public static string? PropertyOf<T>(T document, string property)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(document, Serialization.BillingJson.Options);
        return node?[property] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>Whether a document in <paramref name="partitionKey"/> whose indexed properties read through
    /// <paramref name="propertyOf"/> matches (stores that filter in memory use it).</summary>
    public bool Matches(string partitionKey, Func<string, string?> propertyOf)
    {
        ArgumentNullException.ThrowIfNull(propertyOf);
        return (PartitionKey is null || PartitionKey == partitionKey) && Filters.All(f => f.Matches(propertyOf(f.Property)));
    }

    /// <summary>Two queries are equal when they read the same partition with the same conditions in the same order.</summary>
    public bool Equals(DocumentQuery? other) =>
        other is not null && PartitionKey == other.PartitionKey && Filters.SequenceEqual(other.Filters);

    public override int GetHashCode() => Filters.Aggregate(PartitionKey?.GetHashCode(StringComparison.Ordinal) ?? 0, HashCode.Combine);

    public override string ToString() =>
        $"{(PartitionKey is null ? "across partitions" : $"partition {PartitionKey}")}{(Filters.Count == 0 ? "" : " where ")}{string.Join(" and ", Filters)}";
}
