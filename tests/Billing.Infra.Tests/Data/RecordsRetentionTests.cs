using System.Text.Json.Nodes;
using Billing.Infra.Tests.Arm;
using Billing.Infra.Tests.Bicep;

namespace Billing.Infra.Tests.Data;

/// <summary>
/// Records a company must keep (issue 21): point-in-time restore of Cosmos DB, versioned and recoverable blobs,
/// unalterable (WORM) invoices and processed bank files, and a key vault whose deletion cannot be made final early.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class RecordsRetentionTests(CompiledTemplate template)
{
    private static readonly string[] WormContainers = ["bank-archive", "invoices"];

    [Fact]
    public void CosmosAccount_ByDefault_KeepsThirtyDaysOfContinuousBackup()
    {
        var cosmos = template.Single("Microsoft.DocumentDB/databaseAccounts");

        Assert.Equal("Continuous", cosmos.Value("properties.backupPolicy.type").Text);
        Assert.Equal("Continuous30Days", cosmos.Value("properties.backupPolicy.continuousModeProperties.tier").Text);
    }

    [Fact]
    public void CosmosAccount_WithSevenBackupDays_UsesTheSevenDayTier()
    {
        var cosmos = Assert.Single(With("cosmosContinuousBackupDays", 7), r => r.Type == "Microsoft.DocumentDB/databaseAccounts");

        Assert.Equal("Continuous7Days", cosmos.Value("properties.backupPolicy.continuousModeProperties.tier").Text);
    }

    [Fact]
    public void CosmosBackupDays_AllowOnlyTheTwoContinuousTiers()
    {
        var allowed = template.Root["parameters"]!["cosmosContinuousBackupDays"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<int>());

        Assert.Equal([7, 30], allowed.Order());
    }

    [Fact]
    public void BlobService_VersionsEveryBlobAndKeepsTheChangeFeedForThirtyDays()
    {
        var blobService = template.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.Equal("true", blobService.Value("properties.isVersioningEnabled").Text);
        Assert.Equal("true", blobService.Value("properties.changeFeed.enabled").Text);
        Assert.Equal("30", blobService.Value("properties.changeFeed.retentionInDays").Text);
    }

    [Theory]
    [InlineData("deleteRetentionPolicy")]
    [InlineData("containerDeleteRetentionPolicy")]
    public void BlobService_ByDefault_KeepsDeletedItemsForThirtyDays(string policy)
    {
        var blobService = template.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.Equal("true", blobService.Value($"properties.{policy}.enabled").Text);
        Assert.Equal("30", blobService.Value($"properties.{policy}.days").Text);
    }

    [Fact]
    public void BlobService_SoftDeletedBlobs_CannotBePermanentlyDeletedEarly()
    {
        var blobService = template.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.Equal("false", blobService.Value("properties.deleteRetentionPolicy.allowPermanentDelete").Text);
    }

    [Fact]
    public void BlobService_WithOtherDeleteRetention_UsesItForBlobsContainersAndChangeFeed()
    {
        var blobService = Assert.Single(With("blobDeleteRetentionDays", 90), r => r.Type == "Microsoft.Storage/storageAccounts/blobServices");

        Assert.Equal("90", blobService.Value("properties.deleteRetentionPolicy.days").Text);
        Assert.Equal("90", blobService.Value("properties.containerDeleteRetentionPolicy.days").Text);
        Assert.Equal("90", blobService.Value("properties.changeFeed.retentionInDays").Text);
    }

    [Theory]
    [InlineData("invoices")]
    [InlineData("bank-archive")]
    public void WormContainer_HasVersionLevelImmutability(string container)
    {
        Assert.Equal("true", Container(container).Value("properties.immutableStorageWithVersioning.enabled").Text);
    }

    [Theory]
    [InlineData("bank-files")]
    [InlineData("reports")]
    [InlineData("deadletter")]
    public void WorkingContainer_StaysChangeable(string container)
    {
        // bank-files: the app moves uploads out of incoming/ and decisions/; reports: latest/ is rewritten daily.
        Assert.Null(Container(container).Value("properties").Json!["immutableStorageWithVersioning"]);
    }

    [Fact]
    public void RetentionPolicies_ByDefault_KeepEachVersionTenYearsAfterTheEndOfItsYear()
    {
        var policies = RetentionPolicies(template.Resources);

        Assert.Equal(WormContainers, policies.Keys.Order(StringComparer.Ordinal));
        Assert.All(policies.Values, p =>
        {
            Assert.Equal((10 + 1) * 366, int.Parse(p.Value("properties.immutabilityPeriodSinceCreationInDays").Text, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("false", p.Value("properties.allowProtectedAppendWrites").Text);
            Assert.Equal("false", p.Value("properties.allowProtectedAppendWritesAll").Text);
        });
    }

    [Fact]
    public void RetentionPolicies_WithEightYears_KeepEachVersionNineLeapYears()
    {
        var scope = ScopeWith("recordsRetentionYears", 8);
        var policies = RetentionPolicies(ArmResource.All(scope));

        Assert.Equal(2, policies.Count);
        Assert.All(policies.Values, p => Assert.Equal("3294", p.Value("properties.immutabilityPeriodSinceCreationInDays").Text));
        Assert.Equal("3294", scope.Evaluate(template.Root["outputs"]!["RECORDS_RETENTION_DAYS"]!["value"]).Text);
    }

    [Fact]
    public void RetentionPolicies_AreCreatedUnlocked_LockingIsAnOperatorStep()
    {
        // An ARM PUT of immutabilityPolicies never locks; locking is the POST .../lock the README's Recovery section shows.
        Assert.All(RetentionPolicies(template.Resources).Values, p => Assert.Null(p.Node["properties"]!["state"]));
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.Contains("az storage container immutability-policy lock", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void RetentionPolicies_OnceLocked_AreLeftAloneByProvisioning()
    {
        var resources = With("recordsRetentionLocked", true);

        Assert.Empty(RetentionPolicies(resources));
        Assert.Equal(2, resources.Count(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"));
    }

    [Fact]
    public void CosmosAccount_NamedAfterARestore_CarriesTheAppsRoleAndBackup()
    {
        var resources = With("cosmosAccountName", "cosno-restored-1130");
        var cosmos = Assert.Single(resources, r => r.Type == "Microsoft.DocumentDB/databaseAccounts");
        var role = Assert.Single(resources, r => r.Type == "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments" && r.IsDeployed);

        Assert.Equal("cosno-restored-1130", cosmos.Value("name").Text);
        Assert.Equal("Continuous", cosmos.Value("properties.backupPolicy.type").Text);
        Assert.Contains("cosno-restored-1130", role.Value("name").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LifecycleRule_DeletesPreviousVersionsAfterTheSoftDeleteWindow()
    {
        var rule = Assert.Single(template.Single("Microsoft.Storage/storageAccounts/managementPolicies").Value("properties.policy.rules").Json!.AsArray())!;

        Assert.Equal(30, rule["definition"]!["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!.GetValue<int>());
        Assert.Null(rule["definition"]!["actions"]!["baseBlob"]);
    }

    [Fact]
    public void KeyVault_HasPurgeProtectionAndSoftDelete()
    {
        var vault = template.Single("Microsoft.KeyVault/vaults");

        Assert.Equal("true", vault.Value("properties.enablePurgeProtection").Text);
        Assert.Equal("true", vault.Value("properties.enableSoftDelete").Text);
    }

    private ArmResource Container(string name) =>
        Assert.Single(
            template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => c.Value("name").Text.TrimEnd('}', ')', '\'').EndsWith("/default/" + name, StringComparison.Ordinal));

    private static Dictionary<string, ArmResource> RetentionPolicies(IEnumerable<ArmResource> resources) =>
        resources
            .Where(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies" && r.IsDeployed)
            .ToDictionary(p => p.Value("name").Text.TrimEnd('}', ')', '\'').Split("/default/")[1].Split('/')[0], StringComparer.Ordinal);

    private List<ArmResource> With(string parameter, JsonNode value) => ArmResource.All(ScopeWith(parameter, value)).ToList();

    private ArmScope ScopeWith(string parameter, JsonNode value) => ArmScope.Root(template.Root, new Dictionary<string, JsonNode?>
    {
        ["environmentName"] = "ci",
        ["location"] = "westeurope",
        ["seller"] = CompiledTemplate.SampleSeller.DeepClone(),
        [parameter] = value,
    });
}
