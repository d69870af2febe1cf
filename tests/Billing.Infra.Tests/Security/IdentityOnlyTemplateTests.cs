using System.Text.RegularExpressions;
using Billing.Infra.Tests.Bicep;

namespace Billing.Infra.Tests.Security;

/// <summary>The template never handles a key: no list*() call, no key-based setting, local auth off everywhere.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class IdentityOnlyTemplateTests(CompiledTemplate template)
{
    [Fact]
    public void Template_Anywhere_CallsNoListFunction()
    {
        // listKeys(), listConnectionStrings(), listAccountSas(), list() ... all read secrets at deployment.
        var calls = ListCall().Matches(template.Text).Select(m => m.Value).ToList();

        Assert.Empty(calls);
        Assert.DoesNotContain("listKeys", template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessKey")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("SharedAccessSignature")]
    public void AppSettings_ContainNoKeyOrConnectionString(string marker)
    {
        var offending = template.AppSettings
            .Where(s => s.Value.Text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Key);

        Assert.Empty(offending);
        Assert.DoesNotContain(marker, template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CosmosAccount_DisablesLocalAuth()
    {
        var cosmos = template.Single("Microsoft.DocumentDB/databaseAccounts");

        Assert.Equal("true", cosmos.Value("properties.disableLocalAuth").Text);
        Assert.Equal("true", cosmos.Value("properties.disableKeyBasedMetadataWriteAccess").Text);
        Assert.Equal("Tls12", cosmos.Value("properties.minimalTlsVersion").Text);
    }

    [Fact]
    public void ServiceBusNamespace_DisablesLocalAuth()
    {
        var serviceBus = template.Single("Microsoft.ServiceBus/namespaces");

        Assert.Equal("true", serviceBus.Value("properties.disableLocalAuth").Text);
        Assert.Equal("1.2", serviceBus.Value("properties.minimumTlsVersion").Text);
    }

    [Fact]
    public void ApplicationInsights_DisablesLocalAuth()
    {
        var insights = template.Single("Microsoft.Insights/components");

        Assert.Equal("true", insights.Value("properties.DisableLocalAuth").Text);
    }

    [Fact]
    public void StorageAccount_ForbidsSharedKeysAndPublicBlobs()
    {
        var storage = template.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("false", storage.Value("properties.allowSharedKeyAccess").Text);
        Assert.Equal("false", storage.Value("properties.allowBlobPublicAccess").Text);
        Assert.Equal("true", storage.Value("properties.defaultToOAuthAuthentication").Text);
    }

    [Fact]
    public void StorageAccount_AcceptsOnlyHttpsWithTls12()
    {
        var storage = template.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("true", storage.Value("properties.supportsHttpsTrafficOnly").Text);
        Assert.Equal("TLS1_2", storage.Value("properties.minimumTlsVersion").Text);
    }

    [Fact]
    public void FunctionApp_AcceptsOnlyHttpsWithTls12()
    {
        var app = template.FunctionApp;

        Assert.Equal("true", app.Value("properties.httpsOnly").Text);
        Assert.Equal("1.2", app.Value("properties.siteConfig.minTlsVersion").Text);
        Assert.Equal("Disabled", app.Value("properties.siteConfig.ftpsState").Text);
    }

    [Fact]
    public void FunctionApp_DisallowsBasicPublishingCredentials()
    {
        var policies = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(2, policies.Count);
        Assert.Contains(policies, p => p.Value("name").Text.Contains("ftp", StringComparison.Ordinal));
        Assert.Contains(policies, p => p.Value("name").Text.Contains("scm", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.Equal("false", p.Value("properties.allow").Text));
    }

    [Fact]
    public void KeyVault_UsesRbacAuthorization()
    {
        var vault = template.Single("Microsoft.KeyVault/vaults");

        Assert.Equal("true", vault.Value("properties.enableRbacAuthorization").Text);
        Assert.Null(vault["properties.accessPolicies"]);
    }

    [Fact]
    public void SendGridSecret_IsWrittenOnlyWhenAKeyIsGiven()
    {
        var secret = template.Single("Microsoft.KeyVault/vaults/secrets");

        // The test passes no key: provisioning must leave an existing (rotated) secret alone.
        Assert.False(secret.IsDeployed);
        Assert.Equal("securestring", template.Root["parameters"]!["sendGridApiKey"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Outputs_ExposeNoSecureParameter()
    {
        var outputs = template.Root["outputs"]!.AsObject();

        Assert.All(outputs, o => Assert.DoesNotContain("sendGridApiKey", o.Value!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void DataServices_WithoutPrivateNetworking_StayReachableForOperators()
    {
        // vnetEnabled defaults to false: public access stays on (the operators' CLI must reach storage).
        var storage = template.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("Enabled", storage.Value("properties.publicNetworkAccess").Text);
        Assert.DoesNotContain(template.Resources, r => r.Type == "Microsoft.Network/privateEndpoints" && r.IsDeployed);
    }

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListCall();
}
