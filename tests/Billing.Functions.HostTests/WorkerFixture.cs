using System.Reflection;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Billing.Azure.Configuration;
using Billing.Azure.Cosmos;
using Billing.Functions.HostTests.Host;
using Billing.Functions.HostTests.Rpc;
using Billing.Testing.Emulators;
using Microsoft.Azure.Cosmos;
using WireMock.RequestBuilders;
using WireMock.Server;
using WireMock.Settings;
using Response = WireMock.ResponseBuilders.Response;

namespace Billing.Functions.HostTests;

/// <summary>
/// One worker process for all host tests (starting it costs seconds on two cores): the test host, the built
/// Billing.Functions app, and app settings that point it at Azurite (queues and containers named for this run), a
/// Cosmos DB stand-in database of its own, SendGrid at a WireMock server, and no Service Bus (events are logged).
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    private CosmosClient? _cosmos;
    private FunctionsTestHost? _host;
    private WireMockServer? _sendGrid;

    public WorkerFixture() => BillingStory = new Invoices.BillingStory(this);

    public string Prefix { get; } = $"{AzureEmulators.RunId}-{Guid.NewGuid().ToString("N")[..4]}";

    public FunctionsTestHost Host => _host ?? throw new InvalidOperationException("The worker did not start.");

    public WireMockServer SendGrid => _sendGrid ?? throw new InvalidOperationException("The fixture is not initialised.");

    public CosmosDocumentStore Store { get; private set; } = null!;

    public BlobServiceClient Blobs { get; } = new(AzureEmulators.StorageConnectionString);

    /// <summary>The daily billing run through the worker, run once on first use.</summary>
    public Invoices.BillingStory BillingStory { get; }

    /// <summary><c>maxDequeueCount</c> of the app's host.json: the host poisons a message after this many failed invocations.</summary>
    public int MaxDequeueCount { get; private set; }

    public BlobContainerClient Container(string setting) => Blobs.GetBlobContainerClient(Host.Settings[setting]);

    public QueueTriggerDriver Queue(string functionName) => new(Host, functionName, AzureEmulators.StorageConnectionString, MaxDequeueCount);

    /// <summary>Invokes a timer-triggered function now, as the host does when its schedule fires.</summary>
    public Task<InvocationResponse> FireTimerAsync(string functionName)
    {
        var function = Host.Function(functionName);
        var (trigger, metadata) = TriggerPayloads.Timer(DateTimeOffset.UtcNow);
        return Host.InvokeAsync(function, trigger, metadata, new RetryContext { RetryCount = 0, MaxRetryCount = 3 });
    }

    /// <summary>Delivers a blob-created event for <paramref name="blobPath"/> (in the function's container) to a blob-triggered function.</summary>
    public Task<InvocationResponse> DeliverBlobCreatedAsync(string functionName, string blobPath)
    {
        var function = Host.Function(functionName);
        var pattern = Host.Resolve(function.TriggerProperty("path")!);
        var container = pattern[..pattern.IndexOf('/', StringComparison.Ordinal)];
        var blob = Blobs.GetBlobContainerClient(container).GetBlobClient(blobPath);
        var pathData = TriggerPayloads.MatchBlobPath(pattern, $"{container}/{blobPath}")
            ?? throw new InvalidOperationException($"{container}/{blobPath} does not match {functionName}'s path {pattern}.");
        var (trigger, metadata) = TriggerPayloads.Blob(blob, function.TriggerProperty("connection") ?? "AzureWebJobsStorage", pathData);
        return Host.InvokeAsync(function, trigger, metadata);
    }

    public async Task InitializeAsync()
    {
        if (AzureEmulators.SkipRequested)
        {
            return;
        }

        AzureEmulators.EnsureReachable();
        _sendGrid = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "wiremock"));

        var settings = Settings(_sendGrid.Url!);
        _cosmos = new CosmosClient(AzureEmulators.CosmosConnectionString, CosmosClientFactory.Options(new Uri("https://127.0.0.1:8081/"), allowInsecureEmulatorCertificate: true));
        await CosmosContainerSetup.EnsureCreatedAsync(_cosmos, settings["COSMOS_DATABASE"]);
        Store = new CosmosDocumentStore(_cosmos, settings["COSMOS_DATABASE"]);
        foreach (var container in new[] { "INVOICES_CONTAINER", "BANK_FILES_CONTAINER", "BANK_ARCHIVE_CONTAINER", "REPORTS_CONTAINER" })
        {
            await Blobs.GetBlobContainerClient(settings[container]).CreateIfNotExistsAsync();
        }

        foreach (var queue in new[] { "BILL_ACCOUNT_QUEUE", "SEND_INVOICE_QUEUE", "DUNNING_NOTICE_QUEUE", "SCHEDULE_BILLING_PAGE_QUEUE", "SCHEDULE_DUNNING_PAGE_QUEUE" })
        {
            await new QueueClient(AzureEmulators.StorageConnectionString, settings[queue]).CreateIfNotExistsAsync();
        }

        var app = AppDirectory();
        using (var hostJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app, "host.json"))))
        {
            MaxDequeueCount = hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();
        }

        _host = await FunctionsTestHost.StartAsync(app, settings, TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _sendGrid?.Stop();
        _sendGrid?.Dispose();
        if (_cosmos is not null)
        {
            try
            {
                await _cosmos.GetDatabase(Store.DatabaseName).DeleteAsync();
            }
            catch (CosmosException)
            {
                // The stand-in is in memory; a database left behind dies with it.
            }

            _cosmos.Dispose();
        }
    }

    private Dictionary<string, string> Settings(string sendGridUrl) => new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = AzureEmulators.StorageConnectionString,
        ["BILLING_SCHEDULE"] = "0 0 5 * * *",
        ["DUNNING_SCHEDULE"] = "0 0 7 * * *",
        ["REPORTS_SCHEDULE"] = "0 30 6 * * *",
        ["EVENTS_RELAY_SCHEDULE"] = "0 */1 * * * *",
        ["BILL_ACCOUNT_QUEUE"] = $"{Prefix}-bill-account",
        ["SEND_INVOICE_QUEUE"] = $"{Prefix}-send-invoice",
        ["DUNNING_NOTICE_QUEUE"] = $"{Prefix}-dunning-notice",
        ["SCHEDULE_BILLING_PAGE_QUEUE"] = $"{Prefix}-schedule-billing-page",
        ["SCHEDULE_DUNNING_PAGE_QUEUE"] = $"{Prefix}-schedule-dunning-page",
        ["DUNNING_MAX_BANK_FILE_AGE"] = "3",
        ["DUNNING_REQUIRE_BANK_FILE"] = "true",
        ["DUNNING_GROUP_PER_ACCOUNT"] = "true",
        ["INVOICES_CONTAINER"] = $"{Prefix}-invoices",
        ["BANK_FILES_CONTAINER"] = $"{Prefix}-bank-files",
        ["BANK_ARCHIVE_CONTAINER"] = $"{Prefix}-bank-archive",
        ["REPORTS_CONTAINER"] = $"{Prefix}-reports",
        ["COSMOS__connectionString"] = AzureEmulators.CosmosConnectionString,
        ["COSMOS__allowInsecureEmulatorCertificate"] = "true",
        ["COSMOS_DATABASE"] = $"{Prefix}-billing",
        ["AZURE_COSMOS_USE_QUERY_PLAN_INTEROP_LINUX"] = "true",
        ["AZURE_COSMOS_OPTIMISTIC_DIRECT_EXECUTION_ENABLED"] = "true",
        ["SENDGRID_API_KEY"] = "SG.host-tests",
        ["SENDGRID_HOST"] = sendGridUrl,
        ["Seller__LegalName"] = "Example Billing GmbH",
        ["Seller__VatId"] = "DE123456789",
        ["Seller__Street"] = "Musterstrasse 1",
        ["Seller__City"] = "Berlin",
        ["Seller__PostalCode"] = "10115",
        ["Seller__CountryCode"] = "DE",
        ["Seller__Email"] = "billing@example.com",
        ["Seller__Iban"] = SellerIban,
        ["Seller__Bic"] = "COBADEFFXXX",
        ["Seller__DomesticVatRate"] = "19",
        ["Seller__InvoiceSeriesPrefix"] = "INV",
        ["Seller__CreditNoteSeriesPrefix"] = "CN",
    };

    public const string SellerIban = "DE89370400440532013000";

    /// <summary>The Billing.Functions build output beside this project's (same configuration), where worker.config.json is.</summary>
    private static string AppDirectory()
    {
        var here = new DirectoryInfo(Path.GetDirectoryName(typeof(WorkerFixture).Assembly.Location)!);
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (dir.Name == "bin")
            {
                var app = Path.Combine(dir.FullName, "Billing.Functions", here.Name);
                if (File.Exists(Path.Combine(app, "worker.config.json")))
                {
                    return app;
                }
            }
        }

        var repo = typeof(WorkerFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        throw new InvalidOperationException($"No built Billing.Functions (worker.config.json) beside {here.FullName}; build it first (repo {repo}).");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
