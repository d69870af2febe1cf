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
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Testing;

/// <summary>
/// The billing core wired to in-memory adapters and a fake clock: a small world a test can fill with plans and
/// accounts, run day by day, and inspect.
/// </summary>
public sealed class BillingWorld : IDisposable
{
    public static readonly Dictionary<string, string?> SellerSettings = new()
    {
        ["Seller:LegalName"] = "Nordlicht Software GmbH",
        ["Seller:VatId"] = "DE123456789",
        ["Seller:Street"] = "Hafenstraße 1",
        ["Seller:City"] = "Hamburg",
        ["Seller:PostalCode"] = "20457",
        ["Seller:CountryCode"] = "DE",
        ["Seller:Email"] = "billing@nordlicht.example",
        ["Seller:Iban"] = "DE89370400440532013000",
        ["Seller:Bic"] = "COBADEFFXXX",
        ["Seller:DomesticVatRate"] = "19",
        ["Seller:InvoiceSeriesPrefix"] = "INV",
        ["Seller:CreditNoteSeriesPrefix"] = "CN",
    };

    private readonly ServiceProvider _services;

    public BillingWorld(DateOnly today, Action<IServiceCollection>? configure = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(SellerSettings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddBillingCore()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IDocumentStore>(Store)
            .AddSingleton<IBlobStore>(Blobs)
            .AddSingleton<IWorkQueue>(Queue)
            .AddSingleton<IEmailSender>(Email)
            .AddSingleton<IEventPublisher>(Events)
            .AddSingleton<IInvoiceDocumentRenderer>(Renderer);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryDocumentStore Store { get; } = new();

    public InMemoryBlobStore Blobs { get; } = new();

    public RecordingWorkQueue Queue { get; } = new();

    public RecordingEmailSender Email { get; } = new();

    public RecordingEventPublisher Events { get; } = new();

    public MarkerRenderer Renderer { get; } = new();

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static Plan Plan(string id, decimal price, string currency = "EUR", BillingInterval interval = BillingInterval.Monthly) =>
        new() { Id = id, Name = $"Plan {id}", Interval = interval, UnitPrice = Money.Of(price, currency) };

    public static Account Account(string id, string currency = "EUR", TaxTreatment tax = TaxTreatment.Domestic) => new()
    {
        Id = id,
        LegalName = $"Customer {id} Ltd",
        BillingEmails = [$"ap@{id}.example"],
        Address = new PostalAddress { Street = "Main Street 1", City = "Berlin", PostalCode = "10115", CountryCode = tax == TaxTreatment.ReverseCharge ? "FR" : "DE" },
        Currency = Currency.FromCode(currency),
        VatId = tax == TaxTreatment.ReverseCharge ? "FR40303265045" : null,
        TaxTreatment = tax,
        TaxExemptionReason = tax == TaxTreatment.Exempt ? "Exempt under §4 Nr. 21 UStG" : null,
    };

    public static Subscription Subscription(string id, string accountId, string planId, int quantity, DateOnly start, DateOnly? end = null, params SubscriptionChange[] changes) => new()
    {
        Id = id, AccountId = accountId, PlanId = planId, Quantity = quantity, StartDate = start, EndDate = end, Changes = changes,
    };

    public Task ImportAsync(IReadOnlyList<Plan> plans, params ImportedAccount[] accounts) =>
        Get<AccountImporter>().ImportAsync(new AccountImportFile { Plans = plans, Accounts = accounts });

    /// <summary>Runs the daily billing (schedule, then every queued message, as the Functions host would) for each day up to and including <paramref name="until"/>.</summary>
    public async Task RunDailyUntilAsync(DateOnly until)
    {
        for (var day = Today; day <= until; day = day.AddDays(1))
        {
            Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
            await RunDayAsync(day);
        }
    }

    public async Task RunDayAsync(DateOnly day)
    {
        await Get<BillingScheduler>().ScheduleAsync(day);
        await DrainAsync();
    }

    public async Task DrainAsync()
    {
        var queues = Get<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value;
        while (Queue.Messages.TryDequeue(out var message))
        {
            if (message.Queue == queues.BillAccount)
            {
                var bill = BillingJson.Deserialize<BillAccountMessage>(message.Json);
                await Get<AccountBiller>().BillAsync(bill.AccountId, bill.BillingDate);
            }
            else if (message.Queue == queues.SendInvoice)
            {
                var send = BillingJson.Deserialize<SendInvoiceMessage>(message.Json);
                await Get<InvoiceMailer>().SendAsync(send.AccountId, send.InvoiceId);
            }
            else if (message.Queue == queues.DunningNotice)
            {
                await Get<Core.Dunning.DunningNoticeSender>().SendAsync(BillingJson.Deserialize<Core.Dunning.DunningNoticeMessage>(message.Json));
            }
            else if (message.Queue == queues.ScheduleBillingPage)
            {
                var page = QueueMessageParser.SchedulePage(message.Json, message.Queue);
                await Get<BillingScheduler>().SchedulePageAsync(page.Date, page.Cursor);
            }
            else if (message.Queue == queues.ScheduleDunningPage)
            {
                var page = QueueMessageParser.SchedulePage(message.Json, message.Queue);
                await Get<Core.Dunning.DunningScheduler>().SchedulePageAsync(page.Date, page.Cursor);
            }
        }
    }

    public async Task<List<Invoice>> InvoicesAsync()
    {
        var invoices = new List<Invoice>();
        await foreach (var invoice in Store.QueryAllAsync<Invoice>())
        {
            invoices.Add(invoice.Value);
        }

        return invoices;
    }

    public void Dispose() => _services.Dispose();
}
