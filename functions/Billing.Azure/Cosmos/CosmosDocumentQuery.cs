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
        var sql = new StringBuilder("SELECT * FROM c WHERE c.type = @type");
        var parameters = new List<(string Name, string Value)> { ("@type", documentType) };
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

        if (query.PartitionKey is not null)
        {
            sql.Append(" ORDER BY c.id");
        }

        var definition = new QueryDefinition(sql.ToString());
        foreach (var (name, value) in parameters)
        {
            definition = definition.WithParameter(name, value);
        }

        return definition;
    }
}
