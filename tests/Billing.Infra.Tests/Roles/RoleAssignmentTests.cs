using Billing.Infra.Tests.Arm;
using Billing.Infra.Tests.Bicep;

namespace Billing.Infra.Tests.Roles;

/// <summary>Every identity gets exactly the roles it needs, at the narrowest scope, under deterministic names.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class RoleAssignmentTests(CompiledTemplate template)
{
    private const string AppPrincipal = "{reference('identity').outputs.principalId.value}";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CosmosDataContributor = "00000000-0000-0000-0000-000000000002";

    private IEnumerable<ArmResource> RoleAssignments =>
        template.OfType("Microsoft.Authorization/roleAssignments").Where(r => r.IsDeployed);

    [Theory]
    [InlineData("Storage Blob Data Owner", StorageBlobDataOwner, "Microsoft.Storage/storageAccounts'")]
    [InlineData("Storage Queue Data Contributor", StorageQueueDataContributor, "Microsoft.Storage/storageAccounts'")]
    [InlineData("Azure Service Bus Data Sender", ServiceBusDataSender, "Microsoft.ServiceBus/namespaces/topics'")]
    [InlineData("Key Vault Secrets User", KeyVaultSecretsUser, "Microsoft.KeyVault/vaults'")]
    [InlineData("Monitoring Metrics Publisher", MonitoringMetricsPublisher, "Microsoft.Insights/components'")]
    public void AppIdentity_HasRoleOnItsResource(string role, string roleId, string scopeType)
    {
        var assignment = Assert.Single(
            RoleAssignments,
            r => r.Value("properties.principalId").Text == AppPrincipal && RoleId(r) == roleId);

        Assert.True(assignment.Node["condition"] is null, $"{role} must not be conditional.");
        Assert.Equal("ServicePrincipal", assignment.Value("properties.principalType").Text);
        Assert.Contains("resourceId('" + scopeType, assignment.Value("scope").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AppIdentity_HasCosmosBuiltInDataContributorOnTheAccount()
    {
        var assignment = Assert.Single(
            template.OfType("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"),
            r => r.Value("properties.principalId").Text == AppPrincipal);

        Assert.True(assignment.IsDeployed);
        Assert.EndsWith("/sqlRoleDefinitions/" + CosmosDataContributor, assignment.Value("properties.roleDefinitionId").Text.TrimEnd('}', ')', '\''), StringComparison.Ordinal);
        Assert.Contains("Microsoft.DocumentDB/databaseAccounts", assignment.Value("properties.scope").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AppIdentity_HasNoRoleItDoesNotUse()
    {
        var appRoles = RoleAssignments.Where(r => r.Value("properties.principalId").Text == AppPrincipal).Select(RoleId).ToList();

        Assert.Equal(5, appRoles.Count);
        Assert.DoesNotContain(StorageTableDataContributor, appRoles);
    }

    [Fact]
    public void RoleAssignments_AreNamedByScopePrincipalAndRole()
    {
        Assert.All(RoleAssignments, r =>
        {
            var name = r.Node["name"]!.GetValue<string>();
            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.Contains("resourceId(", name, StringComparison.Ordinal);
            Assert.Contains("parameters('", name, StringComparison.Ordinal);
            Assert.Contains("roles", name.Replace("parameters('", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Managers_ReadOnlyTheReportsContainer()
    {
        var assignment = Assert.Single(RoleAssignments, r => r.Value("properties.principalId").Text == CompiledTemplate.ManagersGroupId);

        Assert.Equal(StorageBlobDataReader, RoleId(assignment));
        Assert.Equal("Group", assignment.Value("properties.principalType").Text);
        var scope = assignment.Value("scope").Text;
        Assert.Contains("Microsoft.Storage/storageAccounts/blobServices/containers", scope, StringComparison.Ordinal);
        Assert.EndsWith("'default', 'reports')}", scope, StringComparison.Ordinal);
    }

    [Fact]
    public void Finance_WritesOnlyUnderIncomingAndDecisionsOfBankFiles()
    {
        var assignment = Assert.Single(
            RoleAssignments,
            r => r.Value("properties.principalId").Text == CompiledTemplate.FinanceGroupId && RoleId(r) == StorageBlobDataContributor);

        Assert.EndsWith("'default', 'bank-files')}", assignment.Value("scope").Text, StringComparison.Ordinal);
        Assert.Equal("2.0", assignment.Value("properties.conditionVersion").Text);
        var condition = assignment.Value("properties.condition").Text;
        const string path = "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path]";
        Assert.Contains($"{path} StringStartsWith 'incoming/'", condition, StringComparison.Ordinal);
        Assert.Contains($"{path} StringStartsWith 'decisions/'", condition, StringComparison.Ordinal);
        Assert.Contains("!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})", condition, StringComparison.Ordinal);
        Assert.Contains("!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})", condition, StringComparison.Ordinal);
    }

    [Fact]
    public void Finance_ReadsTheArchiveOfProcessedBankFiles_AndNothingElse()
    {
        var financeRoles = RoleAssignments.Where(r => r.Value("properties.principalId").Text == CompiledTemplate.FinanceGroupId).ToList();
        var reader = Assert.Single(financeRoles, r => RoleId(r) == StorageBlobDataReader);

        Assert.Equal(2, financeRoles.Count);
        Assert.EndsWith("'default', 'bank-archive')}", reader.Value("scope").Text, StringComparison.Ordinal);
        Assert.Null(reader.Node["properties"]!["condition"]);
    }

    [Fact]
    public void EventGridSystemTopic_WritesOnlyToTheDeadLetterContainer()
    {
        var assignment = Assert.Single(
            RoleAssignments,
            r => r.Value("properties.principalId").Text == "{reference('storage').outputs.systemTopicPrincipalId.value}");

        Assert.Equal(StorageBlobDataContributor, RoleId(assignment));
        Assert.Equal("ServicePrincipal", assignment.Value("properties.principalType").Text);
        Assert.EndsWith("'default', 'deadletter')}", assignment.Value("scope").Text, StringComparison.Ordinal);
        Assert.Equal("SystemAssigned", template.Single("Microsoft.EventGrid/systemTopics").Value("identity.type").Text);
    }

    [Fact]
    public void Developer_GetsDataAccessForLocalRuns_OnlyWhenPrincipalIdIsGiven()
    {
        var developerRoles = RoleAssignments
            .Where(r => r.Value("properties.principalId").Text == CompiledTemplate.DeveloperPrincipalId)
            .ToList();

        Assert.Equal(5, developerRoles.Count);
        Assert.All(developerRoles, r => Assert.NotNull(r.Node["condition"]));
        Assert.Contains(
            template.OfType("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"),
            r => r.IsDeployed && r.Value("properties.principalId").Text == CompiledTemplate.DeveloperPrincipalId);
    }

    private static string RoleId(ArmResource assignment) =>
        assignment.Value("properties.roleDefinitionId").Text.Split('/')[^1];
}
