using System.Buffers;

namespace Billing.Core.Storage;

/// <summary>
/// One condition of a <see cref="DocumentQuery"/> on a top-level property of the stored JSON (camelCase, as
/// <see cref="Serialization.BillingJson"/> writes it). Values are compared as strings, ordinally: this is exact
/// for the properties it is meant for (enum states such as <c>open</c>, ISO dates such as <c>2026-03-01</c>,
/// ids, numbers and references). A document without the property (a null value) matches no condition.
/// Each store answers a condition from an index on that property, so only properties that have one
/// (<see cref="Indexed"/>) are accepted: a query can never silently scan a container.
/// </summary>
public sealed record DocumentFilter
{
    /// <summary>The properties every store indexes (SQLite expression indexes, the Cosmos DB indexing policy, the
    /// in-memory store's per-property maps).</summary>
    public static IReadOnlySet<string> Indexed { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "status", "dueDate", "issueDate", "number", "creditorReference", "bankReference", "endToEndId", "currency", "state", "bookingDate",
        "nextChargeDate", "ingestedAt", "paidDate", "sentAt",
    };

    private static readonly SearchValues<char> s_nameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private DocumentFilter(string property, FilterOperator @operator, IReadOnlyList<string> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(property);
        if (property.AsSpan().ContainsAnyExcept(s_nameCharacters) || !Indexed.Contains(property))
        {
            throw new ArgumentException($"'{property}' is not an indexed document property; indexed are: {string.Join(", ", Indexed)}.", nameof(property));
        }

        if (values.Count == 0 || values.Any(v => v is null))
        {
            throw new ArgumentException($"A condition on '{property}' needs at least one non-null value.", nameof(values));
        }

        Property = property;
        Operator = @operator;
        Values = values;
    }

    public string Property { get; }

    public FilterOperator Operator { get; }

    /// <summary>One value, or (for <see cref="FilterOperator.In"/>) the values any of which matches.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The property equals <paramref name="value"/>.</summary>
    public static DocumentFilter Equal(string property, string value) => new(property, FilterOperator.Equal, [value]);

    /// <summary>The property equals one of <paramref name="values"/>.</summary>
    public static DocumentFilter In(string property, IEnumerable<string> values) =>
        new(property, FilterOperator.In, values.Distinct(StringComparer.Ordinal).ToArray());

    /// <summary>The property is at most <paramref name="value"/> (ordinal order: on ISO dates, on or before).</summary>
    public static DocumentFilter AtMost(string property, string value) => new(property, FilterOperator.AtMost, [value]);

    /// <summary>The property is at least <paramref name="value"/> (ordinal order: on ISO dates, on or after).</summary>
    public static DocumentFilter AtLeast(string property, string value) => new(property, FilterOperator.AtLeast, [value]);

    /// <summary>Whether a document whose property holds <paramref name="actual"/> matches (stores that filter in memory use it).</summary>
    public bool Matches(string? actual) => actual is not null && Operator switch
    {
        FilterOperator.Equal or FilterOperator.In => Values.Contains(actual, StringComparer.Ordinal),
        FilterOperator.AtMost => string.CompareOrdinal(actual, Values[0]) <= 0,
        FilterOperator.AtLeast => string.CompareOrdinal(actual, Values[0]) >= 0,
        _ => false,
    };

    /// <summary>Two conditions are equal when they compare the same property the same way with the same values.</summary>
    public bool Equals(DocumentFilter? other) =>
        other is not null && Property == other.Property && Operator == other.Operator && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override int GetHashCode() => Values.Aggregate(HashCode.Combine(Property, Operator), (hash, value) => HashCode.Combine(hash, value));

    public override string ToString() => Operator switch
    {
        FilterOperator.In => $"{Property} in ({string.Join(", ", Values)})",
        FilterOperator.AtMost => $"{Property} <= {Values[0]}",
        FilterOperator.AtLeast => $"{Property} >= {Values[0]}",
        _ => $"{Property} = {Values[0]}",
    };
}

/// <summary>How a <see cref="DocumentFilter"/> compares.</summary>
public enum FilterOperator
{
    Equal,
    In,
    AtMost,
    AtLeast,
}
