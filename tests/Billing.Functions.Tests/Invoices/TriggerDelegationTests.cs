using System.Text.Json;
using Billing.Core;
using Billing.Core.Accounts;
using Billing.Core.Delivery;
using Billing.Core.Documents;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Billing.Core.Monetary;
using Billing.Core.Storage;
using Billing.Functions.Invoices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Billing.Functions.Tests.Support.StoredSequences;

namespace Billing.Functions.Tests.Invoices;

/// <summary>Each trigger parses its input and hands it to its one use case in Core.</summary>
public sealed class TriggerDelegationTests
{
    private readonly IDocumentStore _store = Substitute.For<IDocumentStore>();
    private readonly IWorkQueue _queue = Substitute.For<IWorkQueue>();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task ScheduleBilling_EnqueuesDueAccounts_ForTodayInUtc()
    {
        var state = new AccountBillingState { AccountId = "acc-1", NextChargeDate = new DateOnly(2026, 3, 31) };
        _store.QueryPageAsync<AccountBillingState>(BillingScheduler.DueOn(new DateOnly(2026, 3, 31)), 500, null, Arg.Any<CancellationToken>())
            .Returns(new DocumentPage<AccountBillingState>([new Stored<AccountBillingState>(DocumentKey.For<AccountBillingState>("acc-1", AccountBillingState.DocumentId), state, "e1")], null));
        var function = new ScheduleBilling(UseCase<BillingScheduler>(), _time, NullLogger<ScheduleBilling>.Instance);

        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        await _queue.Received(1).EnqueueAsync("bill-account", new BillAccountMessage("acc-1", new DateOnly(2026, 3, 31)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ScheduleBillingPage_ReadsThePageAfterTheMessagesCursor_AndEnqueuesItsAccountsAndTheNextPage()
    {
        var date = new DateOnly(2026, 3, 31);
        var after = new DocumentCursor("2026-03-30", "acc-1", AccountBillingState.DocumentId);
        var next = new DocumentCursor("2026-03-31", "acc-2", AccountBillingState.DocumentId);
        var state = new AccountBillingState { AccountId = "acc-2", NextChargeDate = date };
        _store.QueryPageAsync<AccountBillingState>(BillingScheduler.DueOn(date), 500, after, Arg.Any<CancellationToken>())
            .Returns(new DocumentPage<AccountBillingState>([new Stored<AccountBillingState>(DocumentKey.For<AccountBillingState>("acc-2", AccountBillingState.DocumentId), state, "e1")], next));
        var function = new ScheduleBillingPage(UseCase<BillingScheduler>(), NullLogger<ScheduleBillingPage>.Instance);

        await function.RunAsync("{\"date\":\"2026-03-31\",\"afterValue\":\"2026-03-30\",\"afterPartitionKey\":\"acc-1\",\"afterId\":\"billing-state\"}", CancellationToken.None);

        await _queue.Received(1).EnqueueAsync("bill-account", new BillAccountMessage("acc-2", date), Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync("schedule-billing-page", SchedulePageMessage.After(date, next), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("{\"afterValue\":\"2026-03-30\",\"afterPartitionKey\":\"acc-1\",\"afterId\":\"billing-state\"}", "date")]
    [InlineData("{\"date\":\"2026-03-31\",\"afterValue\":\"2026-03-30\",\"afterId\":\"billing-state\"}", "afterPartitionKey")]
    [InlineData("{\"date\":\"2026-03-31\",\"afterValue\":\"2026-03-30\",\"afterPartitionKey\":\"acc-1\",\"afterId\":\" \"}", "afterId")]
    public async Task ScheduleBillingPage_WithoutADateOrCursor_ThrowsNamingTheMember_BeforeReading(string message, string member)
    {
        var function = new ScheduleBillingPage(UseCase<BillingScheduler>(), NullLogger<ScheduleBillingPage>.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => function.RunAsync(message, CancellationToken.None));

        Assert.StartsWith($"A schedule-billing-page message needs {member}: expected ", error.Message, StringComparison.Ordinal);
        await _store.DidNotReceiveWithAnyArgs().QueryPageAsync<AccountBillingState>(default!, default, default, default);
    }

    [Fact]
    public async Task BillAccount_ReadsTheAccountOfTheMessage_AndThrowsWhenItIsMissing()
    {
        var function = new BillAccount(Biller(), NullLogger<BillAccount>.Instance);

        var error = await Assert.ThrowsAsync<AccountNotFoundException>(
            () => function.RunAsync("{\"accountId\":\"acc-7\",\"billingDate\":\"2026-03-31\"}", CancellationToken.None));

        Assert.Equal("acc-7", error.AccountId);
        await _store.Received(1).ReadAsync<Account>("acc-7", "acc-7", Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"accountId\":\"acc-7\",\"billingDate\":\"31.03.2026\"}")]
    public async Task BillAccount_WithABadMessage_Throws_SoItEndsInThePoisonQueue(string message)
    {
        var function = new BillAccount(Biller(), NullLogger<BillAccount>.Instance);

        await Assert.ThrowsAsync<JsonException>(() => function.RunAsync(message, CancellationToken.None));
        await _store.DidNotReceiveWithAnyArgs().ReadAsync<Account>(default!, default!, default);
    }

    [Theory]
    [InlineData("{\"accountId\":\" \",\"billingDate\":\"2026-03-31\"}")]
    [InlineData("{\"billingDate\":\"2026-03-31\"}")]
    [InlineData("{\"accountId\":\"acc-7\"}")]
    public async Task BillAccount_WithoutAnAccountOrDate_ThrowsBeforeBilling(string message)
    {
        var function = new BillAccount(Biller(), NullLogger<BillAccount>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => function.RunAsync(message, CancellationToken.None));
        await _store.DidNotReceiveWithAnyArgs().ReadAsync<Account>(default!, default!, default);
    }

    [Fact]
    public async Task SendInvoice_ReadsTheInvoiceOfTheMessage_AndThrowsWhenItIsMissing()
    {
        var function = new SendInvoice(UseCase<SendInvoiceMessageHandler>(), NullLogger<SendInvoice>.Instance);

        var error = await Assert.ThrowsAsync<InvoiceNotIssuedException>(
            () => function.RunAsync("{\"accountId\":\"acc-7\",\"invoiceId\":\"inv-acc-7-20260301\"}", CancellationToken.None));

        Assert.Contains("inv-acc-7-20260301", error.Message, StringComparison.Ordinal);
        await _store.Received(1).ReadAsync<Invoice>("acc-7", "inv-acc-7-20260301", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SendInvoice_WhenAnotherWorkerIsSendingIt_EnqueuesTheMessageAgainForWhenTheLeaseEnds_AndSucceeds()
    {
        var seller = new Core.Sellers.SellerOptions
        {
            LegalName = "Example Billing GmbH", VatId = "DE123456789", Street = "Musterstrasse 1", City = "Berlin", PostalCode = "10115",
            CountryCode = "DE", Email = "billing@example.com", Iban = "DE89370400440532013000", DomesticVatRate = 19m,
        };
        var charge = new Charge { Key = "c1", Date = new DateOnly(2026, 3, 1), Kind = InvoiceLineKind.Recurring, Description = "Plan", Quantity = 1m, UnitPrice = Money.Of(100m, "EUR") };
        var invoice = InvoiceCalculator.Draft("inv-acc-7-20260301", Account("acc-7"), seller, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), [charge]) with
        {
            Status = InvoiceStatus.Open, Number = "INV-2026-000001", PdfPath = "acc-7/INV-2026-000001.pdf", UblPath = "acc-7/INV-2026-000001.xml",
            EmailClaimedAt = _time.GetUtcNow().AddSeconds(-10),
        };
        _store.ReadAsync<Invoice>("acc-7", invoice.Id, Arg.Any<CancellationToken>())
            .Returns(new Stored<Invoice>(DocumentKey.For<Invoice>("acc-7", invoice.Id), invoice, "e1"));
        var function = new SendInvoice(UseCase<SendInvoiceMessageHandler>(), NullLogger<SendInvoice>.Instance);

        await function.RunAsync("{\"accountId\":\"acc-7\",\"invoiceId\":\"inv-acc-7-20260301\"}", CancellationToken.None);

        await _queue.Received(1).EnqueueAsync(new QueueOptions().SendInvoice, Arg.Is<SendInvoiceMessage>(m => m.InvoiceId == invoice.Id),
            InvoiceMailer.ClaimLease - TimeSpan.FromSeconds(10), Arg.Any<CancellationToken>());
        await _store.DidNotReceiveWithAnyArgs().ReplaceAsync<Invoice>(default!, default!, default!, default!, default);
    }

    [Fact]
    public async Task SendInvoice_WithABadMessage_Throws()
    {
        await Assert.ThrowsAsync<JsonException>(() => new SendInvoice(UseCase<SendInvoiceMessageHandler>(), NullLogger<SendInvoice>.Instance)
            .RunAsync("{", CancellationToken.None));
    }

    /// <summary>The use cases as AddBillingCore wires them, over substitutes of every port (robust to constructor changes in Core).</summary>
    private T UseCase<T>() where T : notnull
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<TimeProvider>(_time)
            .AddBillingCore();
        services.AddSingleton(_store);
        services.AddSingleton(_queue);
        services.AddSingleton(Substitute.For<IBlobStore>());
        services.AddSingleton(Substitute.For<IInvoiceDocumentRenderer>());
        services.AddSingleton(Substitute.For<IEventPublisher>());
        services.AddSingleton(Substitute.For<Core.Email.IEmailSender>());
        return services.BuildServiceProvider().GetRequiredService<T>();
    }

    private AccountBiller Biller() => UseCase<AccountBiller>();

    private static Account Account(string id) => new()
    {
        Id = id,
        LegalName = "Customer AG",
        BillingEmails = ["ap@customer.example"],
        Address = new PostalAddress { Street = "Hauptstrasse 2", City = "Hamburg", PostalCode = "20095", CountryCode = "DE" },
        Currency = Currency.EUR,
    };
}
