using System.Text;
using Billing.Core.Storage;
using Microsoft.Azure.Cosmos;

namespace Billing.Azure.Cosmos;

/// <summary>
/// Turns a <see cref="DocumentQuery"/> into a parameterised Cosmos DB SQL query. A query in one partition names the
/// partition key in the WHERE clause (and the caller sets it in the request options), so it is served by that
/// partition alone; every condition is on a path of the container's indexing policy (<c>infra/modules/cosmos.bicep</c>
/// includes each <see cref="DocumentFilter.Indexed"/> property of the billing container; the other containers index
/// everything), so neither kind of query scans.
/// </summary>
public static class CosmosDocumentQuery
{
    public static QueryDefinition Translate(DocumentQuery query, string documentType, string partitionKeyProperty)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder("SELECT * FROM c WHERE ");
        var parameters = new List<(string Name, string Value)>();
        Where(query, documentType, partitionKeyProperty, sql, parameters);
        if (query.PartitionKey is not null)
        {
            sql.Append(" ORDER BY c.id");
        }

        return Define(sql, parameters);
    }

    /// <summary>
    /// One page of <paramref name="query"/>: <c>TOP size + 1</c> (the extra document says whether a next page exists),
    /// ordered by (first condition's property, partition key, id), after the cursor as a keyset condition. Real Cosmos DB
    /// serves a multi-property ORDER BY from a composite index (<c>infra/modules/cosmos.bicep</c> and
    /// <see cref="CosmosContainerSetup"/> define one per paged property). Ids compare in their stored (encoded) form.
    /// </summary>
    public static QueryDefinition TranslatePage(DocumentQuery query, string documentType, string partitionKeyProperty, int size, DocumentCursor? after)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder();
        var parameters = new List<(string Name, string Value)>();
        var order = query.OrderProperty;
        Where(query, documentType, partitionKeyProperty, sql, parameters);
        if (after is not null)
        {
            parameters.Add(("@afterValue", after.Value));
            parameters.Add(("@afterPartition", after.PartitionKey));
            parameters.Add(("@afterId", CosmosIds.Encode(after.Id)));
            sql.Append($" AND (c.{order} > @afterValue OR (c.{order} = @afterValue AND (c.{partitionKeyProperty} > @afterPartition")
                .Append($" OR (c.{partitionKeyProperty} = @afterPartition AND c.id > @afterId))))");
        }

        sql.Insert(0, $"SELECT TOP {size + 1} * FROM c WHERE ");
        sql.Append($" ORDER BY c.{order}, c.{partitionKeyProperty}, c.id");
        return Define(sql, parameters);
    }

    private static void Where(DocumentQuery query, string documentType, string partitionKeyProperty, StringBuilder sql, List<(string Name, string Value)> parameters)
    {
        sql.Append("c.type = @type");
        parameters.Add(("@type", documentType));
        if (query.PartitionKey is { } partition)
        {
            sql.Append(" AND c.").Append(partitionKeyProperty).Append(" = @pk");
            parameters.Add(("@pk", partition));
        }

        foreach (var filter in query.Filters)
        {
            var names = filter.Values.Select((value, i) => $"@f{parameters.Count + i}").ToArray();
            parameters.AddRange(names.Zip(filter.Values));
            sql.Append(" AND c.").Append(filter.Property).Append(filter.Operator switch
            {
                FilterOperator.In => $" IN ({string.Join(", ", names)})",
                FilterOperator.AtMost => $" <= {names[0]}",
                FilterOperator.AtLeast => $" >= {names[0]}",
                _ => $" = {names[0]}",
            });
        }
    }

    private static QueryDefinition Define(StringBuilder sql, List<(string Name, string Value)> parameters)
    {
        var definition = new QueryDefinition(sql.ToString());
        foreach (var (name, value) in parameters)
        {
            definition = definition.WithParameter(name, value);
        }

        return definition;
    }
}
