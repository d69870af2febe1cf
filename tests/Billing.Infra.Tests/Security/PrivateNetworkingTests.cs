using System.Text.Json.Nodes;
using Billing.Infra.Tests.Arm;
using Billing.Infra.Tests.Bicep;

namespace Billing.Infra.Tests.Security;

/// <summary>With vnetEnabled the data services go private: endpoints, private DNS, public access off.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class PrivateNetworkingTests
{
    private readonly List<ArmResource> _resources;

    public PrivateNetworkingTests(CompiledTemplate template)
    {
        var parameters = new Dictionary<string, JsonNode?>
        {
            ["environmentName"] = "ci",
            ["location"] = "westeurope",
            ["vnetEnabled"] = true,
            ["seller"] = CompiledTemplate.SampleSeller.DeepClone(),
        };
        _resources = ArmResource.All(ArmScope.Root(template.Root, parameters)).Where(r => r.IsDeployed).ToList();
    }

    [Fact]
    public void PrivateEndpoints_CoverBlobQueueCosmosServiceBusAndKeyVault()
    {
        var groups = Of("Microsoft.Network/privateEndpoints")
            .Select(e => e.Value("properties.privateLinkServiceConnections").Json![0]!["properties"]!["groupIds"]![0]!.GetValue<string>());

        Assert.Equal(["Sql", "blob", "namespace", "queue", "vault"], groups.Order(StringComparer.Ordinal));
        Assert.Equal(5, Of("Microsoft.Network/privateDnsZones").Count());
        Assert.Equal(5, Of("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").Count());
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts")]
    [InlineData("Microsoft.DocumentDB/databaseAccounts")]
    [InlineData("Microsoft.ServiceBus/namespaces")]
    [InlineData("Microsoft.KeyVault/vaults")]
    public void DataService_DisablesPublicNetworkAccess(string type)
    {
        Assert.Equal("Disabled", Assert.Single(Of(type)).Value("properties.publicNetworkAccess").Text);
    }

    [Fact]
    public void ServiceBus_BecomesPremiumForItsPrivateEndpoint()
    {
        Assert.Equal("Premium", Assert.Single(Of("Microsoft.ServiceBus/namespaces")).Value("sku.name").Text);
    }

    [Fact]
    public void FunctionApp_IntegratesWithTheDelegatedSubnet()
    {
        var app = Assert.Single(Of("Microsoft.Web/sites"));
        var vnet = Assert.Single(Of("Microsoft.Network/virtualNetworks"));

        Assert.Equal("{reference('network').outputs.appSubnetId.value}", app.Value("properties.virtualNetworkSubnetId").Text);
        var appSubnet = vnet.Value("properties.subnets").Json![0]!;
        Assert.Equal("Microsoft.App/environments", appSubnet["properties"]!["delegations"]![0]!["properties"]!["serviceName"]!.GetValue<string>());
    }

    private IEnumerable<ArmResource> Of(string type) => _resources.Where(r => r.Type == type);
}
