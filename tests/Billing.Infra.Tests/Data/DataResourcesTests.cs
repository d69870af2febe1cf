using System.Text.Json.Nodes;
using Billing.Infra.Tests.Arm;
using Billing.Infra.Tests.Bicep;

namespace Billing.Infra.Tests.Data;

/// <summary>The stores exist with the names, keys and options the adapters expect.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class DataResourcesTests(CompiledTemplate template)
{
    [Theory]
    [InlineData("billing", "/accountId")]
    [InlineData("bankfiles", "/fileId")]
    [InlineData("reports", "/report")]
    [InlineData("sequences", "/series")]
    public void CosmosContainer_IsPartitionedAsTheAdaptersExpect(string container, string partitionKey)
    {
        var resource = Assert.Single(CosmosContainers, c => c.Value("properties.resource.id").Text == container);

        Assert.Equal($"[\"{partitionKey}\"]", resource.Value("properties.resource.partitionKey.paths").Json!.ToJsonString());
        Assert.EndsWith($"/billing/{container}", resource.Value("name").Text.TrimEnd('}', ')', '\''), StringComparison.Ordinal);
    }

    [Fact]
    public void BillingContainer_IndexesOnlyQueriedPaths()
    {
        var billing = Assert.Single(CosmosContainers, c => c.Value("properties.resource.id").Text == "billing");
        var policy = billing.Value("properties.resource.indexingPolicy").Json!;

        var included = policy["includedPaths"]!.AsArray().Select(p => p!["path"]!.GetValue<string>());
        Assert.Equal(
            ["/accountId/?", "/bankReference/?", "/bookingDate/?", "/creditorReference/?", "/currency/?", "/dueDate/?", "/endToEndId/?", "/issueDate/?", "/nextChargeDate/?", "/number/?", "/paidDate/?", "/sentAt/?", "/state/?", "/status/?", "/type/?"],
            included.Order(StringComparer.Ordinal));
        Assert.Contains("/*", policy["excludedPaths"]!.AsArray().Select(p => p!["path"]!.GetValue<string>()));
        Assert.Equal("consistent", policy["indexingMode"]!.GetValue<string>());
    }

    [Fact]
    public void CosmosAccount_ByDefault_IsServerless()
    {
        var cosmos = template.Single("Microsoft.DocumentDB/databaseAccounts");
        var database = template.Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases");

        Assert.Equal("[{\"name\":\"EnableServerless\"}]", cosmos.Value("properties.capabilities").Json!.ToJsonString());
        Assert.Equal("{}", database.Value("properties.options").Json!.ToJsonString());
        Assert.Equal("billing", database.Value("properties.resource.id").Text);
    }

    [Theory]
    [InlineData("bank-files")]
    [InlineData("bank-archive")]
    [InlineData("invoices")]
    [InlineData("reports")]
    [InlineData("deadletter")]
    public void StorageAccount_HasPrivateDataContainer(string container)
    {
        Assert.Contains(container, StorageContainers);
    }

    [Fact]
    public void StorageAccount_HasTheDeploymentPackageContainerTheAppDeploysFrom()
    {
        var deployment = template.FunctionApp.Value("properties.functionAppConfig.deployment.storage");

        Assert.Equal("blobContainer", deployment.Json!["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", deployment.Json!["authentication"]!["type"]!.GetValue<string>());
        var value = template.FunctionApp.Value("properties.functionAppConfig.deployment.storage.value").Text;
        Assert.Contains("app-package-", value, StringComparison.Ordinal);
        Assert.Contains(StorageContainers, c => c.Contains("app-package-", StringComparison.Ordinal));
        Assert.All(template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c =>
            Assert.Equal("None", c.Value("properties.publicAccess").Text));
    }

    [Theory]
    [InlineData("bill-account")]
    [InlineData("send-invoice")]
    [InlineData("dunning-notice")]
    public void StorageAccount_HasWorkQueueAndItsPoisonQueue(string queue)
    {
        var queues = template.OfType("Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(q => q.Value("name").Text.TrimEnd('}', ')', '\''))
            .ToList();

        Assert.Contains(queues, q => q.EndsWith("/default/" + queue, StringComparison.Ordinal));
        Assert.Contains(queues, q => q.EndsWith("/default/" + queue + "-poison", StringComparison.Ordinal));
    }

    [Fact]
    public void EventGridSystemTopic_PublishesTheStorageAccountsEvents()
    {
        var topic = template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Value("properties.topicType").Text);
        Assert.Contains("Microsoft.Storage/storageAccounts", topic.Value("properties.source").Text, StringComparison.Ordinal);
        // The subscriptions need the deployed app's blobs_extension key: infra/hooks/postdeploy.* creates them.
        Assert.Empty(template.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
    }

    [Fact]
    public void ServiceBusTopic_DropsDuplicateEvents()
    {
        var topic = template.Single("Microsoft.ServiceBus/namespaces/topics");
        var serviceBus = template.Single("Microsoft.ServiceBus/namespaces");

        Assert.EndsWith("/billing-events", topic.Value("name").Text.TrimEnd('}', ')', '\''), StringComparison.Ordinal);
        Assert.Equal("true", topic.Value("properties.requiresDuplicateDetection").Text);
        Assert.Equal("Standard", serviceBus.Value("sku.name").Text);
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10OnFlexConsumption()
    {
        var plan = template.Single("Microsoft.Web/serverfarms");
        var app = template.FunctionApp;

        Assert.Equal("FC1", plan.Value("sku.name").Text);
        Assert.Equal("FlexConsumption", plan.Value("sku.tier").Text);
        Assert.Equal("functionapp,linux", app.Value("kind").Text);
        Assert.Equal("dotnet-isolated", app.Value("properties.functionAppConfig.runtime.name").Text);
        Assert.Equal("10.0", app.Value("properties.functionAppConfig.runtime.version").Text);
    }

    [Fact]
    public void FunctionApp_RunsAsTheUserAssignedIdentity()
    {
        var identity = template.FunctionApp.Value("identity").Json!;

        Assert.Equal("UserAssigned", identity["type"]!.GetValue<string>());
        var key = Assert.Single(identity["userAssignedIdentities"]!.AsObject()).Key;
        Assert.Equal("{reference('identity').outputs.resourceId.value}", template.FunctionApp.Scope.Evaluate(JsonValue.Create(key)).Text);
    }

    private IEnumerable<ArmResource> CosmosContainers =>
        template.OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");

    private List<string> StorageContainers =>
        template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => c.Value("name").Text.TrimEnd('}', ')', '\'').Split("/default/")[^1])
            .ToList();
}
