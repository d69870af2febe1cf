using System.Text.Json;
using Billing.Core.Storage;

namespace Billing.Local.Storage;

/// <summary>
/// Turns a <see cref="DocumentQuery"/> into SQL on the <c>documents</c> table. Each condition reads its property with
/// <c>json_extract(body, '$.name')</c>, written exactly as in the expression indexes of <see cref="LocalSchema"/> so
/// SQLite answers from them; a list of values is one JSON array parameter (<c>IN (SELECT value FROM json_each(…))</c>),
/// so every query shape is one prepared statement however many values it carries. A query across partitions names
/// the index of its first condition (<c>INDEXED BY</c>), so it never falls back to scanning the container.
/// </summary>
internal static class SqliteDocumentQuery
{
    public static (string Sql, object?[] Values) Translate(DocumentQuery query, string container, string documentType)
    {
        var (sql, values) = Select(query, container, documentType, "");
        if (query.PartitionKey is not null)
        {
            sql.Append(" ORDER BY id");
        }

        return (sql.ToString(), values.ToArray());
    }

    /// <summary>
    /// One page of <paramref name="query"/>: ordered by (its first condition's expression, partition key, id), which is
    /// exactly the order of that condition's index (an index of a WITHOUT ROWID table ends with the primary key), so
    /// SQLite walks the index from the cursor and stops after <paramref name="size"/> + 1 rows (the extra one says whether
    /// a next page exists). The row-value comparison <c>(expr, partition_key, id) &gt; (…)</c> is a range on that index.
    /// The page's ordering value is the fifth column.
    /// </summary>
    public static (string Sql, object?[] Values) TranslatePage(DocumentQuery query, string container, string documentType, int size, DocumentCursor? after)
    {
        var order = LocalSchema.IndexedExpression(query.OrderProperty);
        var (sql, values) = Select(query, container, documentType, $", {order}");
        if (after is not null)
        {
            sql.Append($" AND ({order}, partition_key, id) > (@p{values.Count}, @p{values.Count + 1}, @p{values.Count + 2})");
            values.Add(after.Value);
            values.Add(after.PartitionKey);
            values.Add(after.Id);
        }

        sql.Append($" ORDER BY {order}, partition_key, id LIMIT @p{values.Count}");
        values.Add(size + 1);
        return (sql.ToString(), values.ToArray());
    }

    private static (System.Text.StringBuilder Sql, List<object?> Values) Select(DocumentQuery query, string container, string documentType, string extraColumns)
    {
        var values = new List<object?> { container, documentType };
        // Across partitions the first condition's index is named: without statistics (no ANALYZE) SQLite would
        // rather walk the container's slice of the primary key, a scan of every document of the container.
        var from = query.PartitionKey is null && query.Filters.Count > 0
            ? $"documents INDEXED BY ix_documents_{query.Filters[0].Property}"
            : "documents";
        var sql = new System.Text.StringBuilder($"SELECT partition_key, id, body, etag{extraColumns} FROM {from} WHERE container = @p0 AND type = @p1");
        if (query.PartitionKey is { } partition)
        {
            values.Add(partition);
            sql.Append(" AND partition_key = @p2");
        }

        foreach (var filter in query.Filters)
        {
            var column = LocalSchema.IndexedExpression(filter.Property);
            var parameter = $"@p{values.Count}";
            sql.Append(" AND ").Append(column).Append(filter.Operator switch
            {
                FilterOperator.In => $" IN (SELECT value FROM json_each({parameter}))",
                FilterOperator.AtMost => $" <= {parameter}",
                FilterOperator.AtLeast => $" >= {parameter}",
                _ => $" = {parameter}",
            });
            values.Add(filter.Operator == FilterOperator.In ? JsonSerializer.Serialize(filter.Values) : filter.Values[0]);
        }

        return (sql, values);
    }
}
