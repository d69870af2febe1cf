using System.Text.RegularExpressions;
using Billing.Infra.Tests.Bicep;

namespace Billing.Infra.Tests.Settings;

/// <summary>The function app defines every setting the code reads, with the documented values.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class AppSettingsTests(CompiledTemplate template)
{
    private const string IdentityClientId = "{reference('identity').outputs.clientId.value}";

    /// <summary>Every setting the Functions app reads (issue 8); the README's settings table lists the same.</summary>
    public static readonly TheoryData<string> DocumentedSettings =
    [
        "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri",
        "BILLING_SCHEDULE", "DUNNING_SCHEDULE", "REPORTS_SCHEDULE", "EVENTS_RELAY_SCHEDULE",
        "BILL_ACCOUNT_QUEUE", "SEND_INVOICE_QUEUE", "DUNNING_NOTICE_QUEUE", "SCHEDULE_BILLING_PAGE_QUEUE", "SCHEDULE_DUNNING_PAGE_QUEUE",
        "BANK_FILES_CONTAINER", "BANK_ARCHIVE_CONTAINER", "INVOICES_CONTAINER", "REPORTS_CONTAINER",
        "COSMOS__accountEndpoint", "COSMOS__credential", "COSMOS__clientId", "COSMOS_DATABASE",
        "SERVICEBUS__fullyQualifiedNamespace", "SERVICEBUS__credential", "SERVICEBUS__clientId", "SERVICEBUS_TOPIC",
        "SENDGRID_API_KEY", "SENDGRID_FROM_EMAIL", "SENDGRID_FROM_NAME",
        "DUNNING_MAX_BANK_FILE_AGE", "DUNNING_REQUIRE_BANK_FILE", "DUNNING_GROUP_PER_ACCOUNT", "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "Seller__LegalName", "Seller__VatId", "Seller__Street", "Seller__City", "Seller__PostalCode",
        "Seller__CountryCode", "Seller__Email", "Seller__Iban", "Seller__Bic", "Seller__DomesticVatRate",
        "Seller__InvoiceSeriesPrefix",
        "BILLING_BACKEND",
    ];

    [Theory]
    [MemberData(nameof(DocumentedSettings))]
    public void AppSettings_DefineDocumentedSetting(string name)
    {
        Assert.True(template.AppSettings.ContainsKey(name), $"The function app has no setting {name}.");
    }

    [Theory]
    [InlineData("BILLING_SCHEDULE", "0 0 5 * * *")]
    [InlineData("DUNNING_SCHEDULE", "0 0 7 * * *")]
    [InlineData("REPORTS_SCHEDULE", "0 30 6 * * *")]
    [InlineData("EVENTS_RELAY_SCHEDULE", "0 */1 * * * *")]
    [InlineData("BILL_ACCOUNT_QUEUE", "bill-account")]
    [InlineData("SEND_INVOICE_QUEUE", "send-invoice")]
    [InlineData("DUNNING_NOTICE_QUEUE", "dunning-notice")]
    [InlineData("SCHEDULE_BILLING_PAGE_QUEUE", "schedule-billing-page")]
    [InlineData("SCHEDULE_DUNNING_PAGE_QUEUE", "schedule-dunning-page")]
    [InlineData("BANK_FILES_CONTAINER", "bank-files")]
    [InlineData("BANK_ARCHIVE_CONTAINER", "bank-archive")]
    [InlineData("INVOICES_CONTAINER", "invoices")]
    [InlineData("REPORTS_CONTAINER", "reports")]
    [InlineData("COSMOS_DATABASE", "billing")]
    [InlineData("SERVICEBUS_TOPIC", "billing-events")]
    [InlineData("DUNNING_MAX_BANK_FILE_AGE", "3")]
    [InlineData("DUNNING_REQUIRE_BANK_FILE", "true")]
    [InlineData("DUNNING_GROUP_PER_ACCOUNT", "true")]
    [InlineData("BILLING_BACKEND", "azure")]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("COSMOS__credential", "managedidentity")]
    [InlineData("SERVICEBUS__credential", "managedidentity")]
    public void AppSetting_ByDefault_HasDocumentedValue(string name, string expected)
    {
        Assert.Equal(expected, template.AppSettings[name].Text);
    }

    [Fact]
    public void AppSettings_EveryServiceConnection_IsIdentityBasedWithTheAppIdentity()
    {
        var connections = template.AppSettings.Keys
            .Select(name => ConnectionProperty().Match(name))
            .Where(m => m.Success)
            .Select(m => m.Groups["connection"].Value)
            .Distinct()
            .ToList();

        Assert.Equal(["AzureWebJobsStorage", "COSMOS", "SERVICEBUS"], connections.Order());
        Assert.All(connections, connection =>
        {
            Assert.Equal("managedidentity", template.AppSettings[$"{connection}__credential"].Text);
            Assert.Equal(IdentityClientId, template.AppSettings[$"{connection}__clientId"].Text);
        });
    }

    [Fact]
    public void ClientIdSettings_AllNameTheUserAssignedIdentity()
    {
        Assert.Equal(IdentityClientId, template.AppSettings["AZURE_CLIENT_ID"].Text);
        Assert.Equal(
            $"ClientId={IdentityClientId};Authorization=AAD",
            template.AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"].Text);
    }

    [Fact]
    public void ConnectionTargets_ComeFromTheProvisionedResources()
    {
        Assert.Equal("{reference('storage').outputs.name.value}", template.AppSettings["AzureWebJobsStorage__accountName"].Text);
        Assert.Equal("{reference('storage').outputs.blobEndpoint.value}", template.AppSettings["AzureWebJobsStorage__blobServiceUri"].Text);
        Assert.Equal("{reference('storage').outputs.queueEndpoint.value}", template.AppSettings["AzureWebJobsStorage__queueServiceUri"].Text);
        Assert.Equal("{reference('cosmos').outputs.endpoint.value}", template.AppSettings["COSMOS__accountEndpoint"].Text);
        Assert.Equal(
            "{reference('serviceBus').outputs.fullyQualifiedNamespace.value}",
            template.AppSettings["SERVICEBUS__fullyQualifiedNamespace"].Text);
        Assert.Equal("{reference('monitoring').outputs.connectionString.value}", template.AppSettings["APPLICATIONINSIGHTS_CONNECTION_STRING"].Text);
    }

    [Fact]
    public void SendGridApiKey_IsAKeyVaultReferenceResolvedByTheAppIdentity()
    {
        Assert.Equal(
            "@Microsoft.KeyVault(SecretUri={reference('keyVault').outputs.sendGridSecretUri.value})",
            template.AppSettings["SENDGRID_API_KEY"].Text);
        Assert.Equal(
            "{reference('identity').outputs.resourceId.value}",
            template.FunctionApp.Value("properties.keyVaultReferenceIdentity").Text);
    }

    [Fact]
    public void SendGridSender_WhenNotGiven_IsTheSeller()
    {
        Assert.Equal(CompiledTemplate.SampleSeller["Email"]!.GetValue<string>(), template.AppSettings["SENDGRID_FROM_EMAIL"].Text);
        Assert.Equal(CompiledTemplate.SampleSeller["LegalName"]!.GetValue<string>(), template.AppSettings["SENDGRID_FROM_NAME"].Text);
    }

    [Fact]
    public void SellerSettings_CarryEveryPropertyOfTheSellerParameter()
    {
        foreach (var (property, value) in CompiledTemplate.SampleSeller)
        {
            Assert.Equal(value!.GetValue<string>(), template.AppSettings[$"Seller__{property}"].Text);
        }

        var sellerSettings = template.AppSettings.Keys.Where(k => k.StartsWith("Seller__", StringComparison.Ordinal));
        Assert.Equal(CompiledTemplate.SampleSeller.Count, sellerSettings.Count());
    }

    [Fact]
    public void SellerParameter_DescribesItselfAndEachProperty()
    {
        var sellerType = template.Root["definitions"]!["sellerType"]!;

        Assert.False(string.IsNullOrWhiteSpace(sellerType["metadata"]?["description"]?.GetValue<string>()));
        Assert.All(sellerType["properties"]!.AsObject(), p =>
            Assert.StartsWith("Required. ", p.Value!["metadata"]!["description"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void PercentSettings_UsedByTheFunctionsCode_AreAllDefined()
    {
        // The Functions code is written in parallel: whatever %NAME% its triggers use today must exist.
        var used = Directory.Exists(RepoPaths.FunctionsProject)
            ? Directory.EnumerateFiles(RepoPaths.FunctionsProject, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .SelectMany(path => PercentSetting().Matches(File.ReadAllText(path)).Select(m => (Setting: m.Groups[1].Value, File: path)))
                .ToList()
            : [];

        var missing = used.Where(u => !template.AppSettings.ContainsKey(u.Setting))
            .Select(u => $"{u.Setting} (used in {Path.GetRelativePath(RepoPaths.Root, u.File)})");
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("\"%BANK_FILES_CONTAINER%/incoming/{name}\"", "BANK_FILES_CONTAINER")]
    [InlineData("[QueueTrigger(\"%BILL_ACCOUNT_QUEUE%\")]", "BILL_ACCOUNT_QUEUE")]
    [InlineData("[TimerTrigger(\"%BILLING_SCHEDULE%\")]", "BILLING_SCHEDULE")]
    public void PercentSettingPattern_FindsTheSettingInATriggerAttribute(string source, string expected)
    {
        Assert.Equal(expected, Assert.Single(PercentSetting().Matches(source)).Groups[1].Value);
    }

    [Fact]
    public void AppSettings_OmitWhatFlexConsumptionRejects()
    {
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", template.AppSettings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", template.AppSettings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", template.AppSettings.Keys);
    }

    [GeneratedRegex(@"^(?<connection>[A-Za-z]+)__(accountEndpoint|fullyQualifiedNamespace|accountName|blobServiceUri|queueServiceUri)$")]
    private static partial Regex ConnectionProperty();

    [GeneratedRegex(@"%([A-Za-z_][A-Za-z0-9_]*)%")]
    private static partial Regex PercentSetting();
}
