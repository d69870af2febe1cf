using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Billing.Azure.Cosmos;
using Billing.Azure.Email;
using Billing.Azure.Storage;
using Billing.Azure.Tests.Emulators;
using Billing.Core;
using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Delivery;
using Billing.Core.Documents;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Billing.Core.Monetary;
using Billing.Core.Serialization;
using Billing.Core.Storage;
using Billing.Core.Subscriptions;
using Billing.Testing.Emulators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SendGrid;

namespace Billing.Azure.Tests.EndToEnd;

/// <summary>
/// The billing use cases wired to the Azure adapters on the emulators: Cosmos stand-in, Azurite blobs and
/// queues (names unique to the rig), SendGrid at <paramref name="sendGridUrl"/>; a fake renderer and event recorder.
/// </summary>
public sealed class BillingRig : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _sendQueue = $"{AzureEmulators.RunId}-send-{Guid.NewGuid().ToString("N")[..6]}";

    public BillingRig(CosmosEmulatorFixture cosmos, string sendGridUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seller:LegalName"] = "Example Billing GmbH",
            ["Seller:VatId"] = "DE123456789",
            ["Seller:Street"] = "Musterstrasse 1",
            ["Seller:City"] = "Berlin",
            ["Seller:PostalCode"] = "10115",
            ["Seller:CountryCode"] = "DE",
            ["Seller:Email"] = "billing@example.com",
            ["Seller:Iban"] = "DE89370400440532013000",
            ["Seller:DomesticVatRate"] = "19",
            ["Seller:InvoiceSeriesPrefix"] = $"INV{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}",
            ["SEND_INVOICE_QUEUE"] = _sendQueue,
            ["BILL_ACCOUNT_QUEUE"] = $"{AzureEmulators.RunId}-bill",
            ["INVOICES_CONTAINER"] = $"{AzureEmulators.RunId}-invoices",
        }).Build();

        Store = cosmos.CreateStore();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Time)
            .AddBillingCore();
        services.AddSingleton<IDocumentStore>(Store);
        services.AddSingleton<IBlobStore>(new AzureBlobStore(new BlobServiceClient(AzureEmulators.StorageConnectionString)));
        services.AddSingleton<IWorkQueue>(new StorageWorkQueue(new QueueServiceClient(AzureEmulators.StorageConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
        services.AddSingleton<IEventPublisher>(Events);
        services.AddSingleton<IInvoiceDocumentRenderer, FakeRenderer>();
        services.AddSingleton<IEmailSender>(new SendGridEmailSender(new SendGridClient(new SendGridClientOptions { ApiKey = "SG.test", Host = sendGridUrl })));
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 31, 5, 0, 0, TimeSpan.Zero));

    public CosmosDocumentStore Store { get; }

    public RecordingEventPublisher Events { get; } = new();

    public AccountBiller Biller => _services.GetRequiredService<AccountBiller>();

    public InvoiceMailer Mailer => _services.GetRequiredService<InvoiceMailer>();

    public string Series => $"{_services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Sellers.SellerOptions>>().Value.InvoiceSeriesPrefix}-2026";

    /// <summary>A plan (shared catalog) and one account with a monthly subscription that started on 2026-03-01.</summary>
    public async Task<string> SeedAccountAsync(string planId = "e2e-pro")
    {
        await Store.TryCreateAsync(Containers.CatalogPartition, planId, new Plan { Id = planId, Name = "Pro", Interval = BillingInterval.Monthly, UnitPrice = Money.Of(100m, "EUR") });
        var id = "acc-" + Guid.NewGuid().ToString("N")[..10];
        await Store.TryCreateAsync(id, id, new Account
        {
            Id = id,
            LegalName = $"Customer {id}",
            BillingEmails = [$"ap@{id}.example"],
            Address = new PostalAddress { Street = "Hauptstrasse 2", City = "Hamburg", PostalCode = "20095", CountryCode = "DE" },
            Currency = Currency.EUR,
        });
        await Store.TryCreateAsync(id, "sub-1", new Subscription { Id = "sub-1", AccountId = id, PlanId = planId, Quantity = 1, StartDate = new DateOnly(2026, 3, 1) });
        return id;
    }

    /// <summary>Takes every send-invoice message off the queue, decoded as the trigger would see it.</summary>
    public async Task<List<SendInvoiceMessage>> DrainSendQueueAsync()
    {
        var queue = new QueueClient(AzureEmulators.StorageConnectionString, _sendQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var messages = new List<SendInvoiceMessage>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(BillingJson.Deserialize<SendInvoiceMessage>(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    public void Dispose() => _services.Dispose();

    private sealed class FakeRenderer : IInvoiceDocumentRenderer
    {
        public void WritePdf(Invoice invoice, Stream destination) => destination.Write(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7 {invoice.Number}"));

        public void WriteUbl(Invoice invoice, Stream destination) => destination.Write(System.Text.Encoding.UTF8.GetBytes($"<Invoice><ID>{invoice.Number}</ID></Invoice>"));
    }
}

public sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<IntegrationEvent> _published = new();

    public IReadOnlyCollection<IntegrationEvent> Published => _published;

    public Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var e in events)
        {
            _published.Enqueue(e);
        }

        return Task.CompletedTask;
    }
}
