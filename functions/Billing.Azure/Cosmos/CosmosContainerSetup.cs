using System.Collections.ObjectModel;
using Billing.Core.Storage;
using Microsoft.Azure.Cosmos;

namespace Billing.Azure.Cosmos;

/// <summary>
/// Creates the database and the four containers where nothing provisions them (tests, and the CLI's
/// <c>--backend azure</c> against the local stand-in; in Azure, Bicep creates them with the same settings).
/// <para>The indexing policy every container gets: consistent, automatic, <c>/*</c> excluded and only the
/// paths the queries filter or sort on included — <c>/type/?</c>, <c>/accountId/?</c>,
/// <c>/nextChargeDate/?</c> and every <see cref="DocumentFilter.Indexed"/> property (<c>/status/?</c>, <c>/dueDate/?</c>,
/// <c>/number/?</c>, <c>/creditorReference/?</c>, <c>/bankReference/?</c>, <c>/state/?</c>, …) (plus <c>id</c> and
/// <c>_ts</c>, which Cosmos DB always indexes). Excluding the rest keeps writes cheap: an invoice has dozens
/// of properties (lines, VAT breakdown, parties) that no query ever looks at, and each indexed path costs RUs
/// on every create and replace.</para>
/// </summary>
public static class CosmosContainerSetup
{
    public static readonly ReadOnlyCollection<string> IndexedPaths = new(
        [.. new[] { "/type/?", "/accountId/?" }.Concat(DocumentFilter.Indexed.Order(StringComparer.Ordinal).Select(p => $"/{p}/?")).Distinct(StringComparer.Ordinal)]);

    /// <summary>The orders of the paged queries (<see cref="CosmosDocumentQuery.TranslatePage"/>): (property, partition key, id).</summary>
    public static readonly ReadOnlyCollection<string> PagedProperties = new(["status", "nextChargeDate"]);

    public static readonly ReadOnlyCollection<string> ContainerNames = new(
        [Containers.Billing, Containers.BankFiles, Containers.Reports, Containers.Sequences]);

    public static async Task EnsureCreatedAsync(CosmosClient client, string databaseName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        DatabaseResponse database = await client.CreateDatabaseIfNotExistsAsync(databaseName, cancellationToken: cancellationToken);
        foreach (var container in ContainerNames)
        {
            await database.Database.CreateContainerIfNotExistsAsync(PropertiesOf(container), cancellationToken: cancellationToken);
        }
    }

    public static ContainerProperties PropertiesOf(string container)
    {
        var properties = new ContainerProperties(container, "/" + CosmosDocumentEnvelope.PartitionKeyPropertyOf(container))
        {
            IndexingPolicy = new IndexingPolicy { Automatic = true, IndexingMode = IndexingMode.Consistent },
        };
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        foreach (var path in IndexedPaths)
        {
            properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        var partitionKey = "/" + CosmosDocumentEnvelope.PartitionKeyPropertyOf(container);
        foreach (var property in PagedProperties)
        {
            properties.IndexingPolicy.CompositeIndexes.Add(new Collection<CompositePath>
            {
                new() { Path = "/" + property, Order = CompositePathSortOrder.Ascending },
                new() { Path = partitionKey, Order = CompositePathSortOrder.Ascending },
                new() { Path = "/id", Order = CompositePathSortOrder.Ascending },
            });
        }

        return properties;
    }
}
