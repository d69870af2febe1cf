using Billing.Azure;
using Billing.Core.Delivery;
using Billing.Core.Documents;
using Billing.Core.Dunning;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Ingestion;
using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Billing.Core.Reporting;
using Billing.Core.Storage;
using Billing.Core.Suspense;
using Billing.Functions.Invoices;
using Billing.Functions.Dunning;
using Billing.Functions.Payments;
using Billing.Functions.Reports;
using Billing.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Billing.Functions.Tests;

/// <summary>The worker's DI graph, built as Program.cs builds it, with identity-based Azure settings.</summary>
public sealed class ServiceGraphTests
{
    public static IConfiguration SampleAzureConfiguration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stbilling.blob.core.windows.net",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stbilling.queue.core.windows.net",
        ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        ["COSMOS:accountEndpoint"] = "https://cosmos-billing.documents.azure.com:443/",
        ["SERVICEBUS:fullyQualifiedNamespace"] = "sb-billing.servicebus.windows.net",
        ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        ["SENDGRID_API_KEY"] = "SG.test",
        ["BILLING_SCHEDULE"] = "0 0 5 * * *",
        ["BILL_ACCOUNT_QUEUE"] = "bill-account",
        ["SEND_INVOICE_QUEUE"] = "send-invoice",
        ["DUNNING_SCHEDULE"] = "0 0 7 * * *",
        ["DUNNING_NOTICE_QUEUE"] = "dunning-notice-test",
        ["DUNNING_MAX_BANK_FILE_AGE"] = "5",
        ["DUNNING_REQUIRE_BANK_FILE"] = "false",
        ["DUNNING_GROUP_PER_ACCOUNT"] = "false",
        ["REPORTS_SCHEDULE"] = "0 30 6 * * *",
        ["EVENTS_RELAY_SCHEDULE"] = "0 */1 * * * *",
        ["BANK_FILES_CONTAINER"] = "bank-files-test",
        ["Seller:LegalName"] = "Example Billing GmbH",
        ["Seller:VatId"] = "DE123456789",
        ["Seller:Street"] = "Musterstrasse 1",
        ["Seller:City"] = "Berlin",
        ["Seller:PostalCode"] = "10115",
        ["Seller:CountryCode"] = "DE",
        ["Seller:Email"] = "billing@example.com",
        ["Seller:Iban"] = "DE89370400440532013000",
        ["Seller:DomesticVatRate"] = "19",
    }).Build();

    private static ServiceProvider Build()
    {
        var configuration = SampleAzureConfiguration();
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration);
        services.AddBillingFunctions(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Theory]
    [InlineData(typeof(BillingScheduler))]
    [InlineData(typeof(AccountBiller))]
    [InlineData(typeof(InvoiceIssuer))]
    [InlineData(typeof(InvoiceMailer))]
    [InlineData(typeof(DunningScheduler))]
    [InlineData(typeof(DunningNoticeSender))]
    [InlineData(typeof(ReportPublisher))]
    [InlineData(typeof(BankFileIngestion))]
    [InlineData(typeof(SuspenseResolution))]
    [InlineData(typeof(SuspenseQueries))]
    [InlineData(typeof(IDocumentStore))]
    [InlineData(typeof(IBlobStore))]
    [InlineData(typeof(IWorkQueue))]
    [InlineData(typeof(IEventPublisher))]
    [InlineData(typeof(EventRelay))]
    [InlineData(typeof(global::Billing.Azure.Configuration.EmulatorResourceSetup))]
    [InlineData(typeof(IEmailSender))]
    [InlineData(typeof(IInvoiceDocumentRenderer))]
    [InlineData(typeof(global::Billing.Azure.Storage.PoisonQueueInspector))]
    [InlineData(typeof(TimeProvider))]
    public async Task Service_Resolves(Type service)
    {
        await using var provider = Build();

        Assert.NotNull(provider.GetRequiredService(service));
    }

    [Theory]
    [InlineData(typeof(ScheduleBilling))]
    [InlineData(typeof(BillAccount))]
    [InlineData(typeof(SendInvoice))]
    [InlineData(typeof(ScheduleDunning))]
    [InlineData(typeof(SendDunningNotice))]
    [InlineData(typeof(SnapshotReports))]
    [InlineData(typeof(IngestBankFile))]
    [InlineData(typeof(ApplySuspenseDecisions))]
    [InlineData(typeof(global::Billing.Functions.Events.RelayEvents))]
    public async Task FunctionClass_IsActivatedFromTheGraph(Type function)
    {
        // Service Bus clients are IAsyncDisposable only: the provider must be disposed asynchronously, as the host does.
        await using var provider = Build();

        // The worker activates function classes with ActivatorUtilities over the host's provider.
        Assert.NotNull(ActivatorUtilities.CreateInstance(provider, function));
    }

    [Fact]
    public async Task ReportFormats_AreRegistered_SoSnapshotReportsWritesJsonCsvAndHtml()
    {
        await using var provider = Build();

        Assert.Equal(["csv", "html", "json"], provider.GetServices<IReportFormat>().Select(f => f.Extension).Order(StringComparer.Ordinal));
        Assert.Contains(provider.GetServices<IReportFormat>(), f => f is IReportIndexFormat);
    }

    [Fact]
    public async Task DunningSettings_AreReadFromTheAppSettings()
    {
        await using var provider = Build();

        var dunning = provider.GetRequiredService<IOptions<DunningOptions>>().Value;
        Assert.Equal(5, dunning.MaxBankFileAgeDays);
        Assert.False(dunning.RequireBankFile);
        Assert.False(dunning.GroupPerAccount);
        Assert.NotNull(dunning.PolicyNamed(DunningPolicy.DefaultName));
        Assert.Equal("dunning-notice-test", provider.GetRequiredService<IOptions<QueueOptions>>().Value.DunningNotice);
    }

    [Fact]
    public async Task BankFilesContainer_IsReadFromTheAppSettings_AsTheBlobTriggersResolveIt()
    {
        await using var provider = Build();

        Assert.Equal("bank-files-test", provider.GetRequiredService<IOptions<BlobContainerOptions>>().Value.BankFiles);
    }

    [Fact]
    public async Task DunningSettings_Invalid_FailValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(SampleAzureConfiguration())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DUNNING_MAX_BANK_FILE_AGE"] = "-1" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddBillingFunctions(configuration);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DunningOptions>>().Value);
        Assert.Contains("DUNNING_MAX_BANK_FILE_AGE", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The two backends implement the same Core ports (store, blobs, queue, email, events, renderer, report formats): a use
    /// case that resolves on the embedded default resolves in Azure. Host machinery (Cosmos and Storage clients, the local
    /// queue runner) is each backend's own and not compared.
    /// </summary>
    [Fact]
    public void AddAzureBilling_RegistersTheSameCoreServicesAsAddLocalBilling()
    {
        var azure = new ServiceCollection().AddAzureBilling(SampleAzureConfiguration());
        var local = new ServiceCollection().AddLocalBilling(Path.Combine(Path.GetTempPath(), "unused-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(CoreServices(local), CoreServices(azure));
        Assert.NotEmpty(CoreServices(azure));
    }

    private static List<string> CoreServices(IServiceCollection services) =>
        services
            .Select(d => d.ServiceType)
            .Where(t => t.Assembly == typeof(IDocumentStore).Assembly || t.Assembly == typeof(global::Billing.Documents.DocumentsServiceCollectionExtensions).Assembly)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();
}
