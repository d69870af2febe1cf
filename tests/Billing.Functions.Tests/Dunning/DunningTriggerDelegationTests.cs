using System.Text.Json;
using Billing.Core;
using Billing.Core.Accounts;
using Billing.Core.Documents;
using Billing.Core.Dunning;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Messaging;
using Billing.Core.Monetary;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Billing.Functions.Dunning;
using Billing.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static Billing.Functions.Tests.Support.StoredSequences;

namespace Billing.Functions.Tests.Dunning;

/// <summary>The dunning triggers parse their input and hand it to their one use case in Core.</summary>
public sealed class DunningTriggerDelegationTests
{
    private static readonly DateOnly s_today = new(2026, 3, 31);

    private readonly IDocumentStore _store = Substitute.For<IDocumentStore>();
    private readonly IWorkQueue _queue = Substitute.For<IWorkQueue>();
    private readonly IEmailSender _email = Substitute.For<IEmailSender>();

    // 01:30 in UTC+2 on April 1st is still March 31st in UTC: the run date must be the UTC one.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 1, 1, 30, 0, TimeSpan.FromHours(2)));

    public DunningTriggerDelegationTests()
    {
        _store.QueryAsync<BankFileRecord>(Arg.Any<DocumentQuery>(), Arg.Any<CancellationToken>()).Returns(_ => Empty<BankFileRecord>());
        _store.QueryPageAsync<Invoice>(Arg.Any<DocumentQuery>(), Arg.Any<int>(), Arg.Any<DocumentCursor?>(), Arg.Any<CancellationToken>())
            .Returns(new DocumentPage<Invoice>([], null));
        _store.QueryAllAsync<DunningNotice>(Arg.Any<CancellationToken>()).Returns(_ => Empty<DunningNotice>());
        _store.QueryAllAsync<Invoice>(Arg.Any<CancellationToken>()).Returns(_ => Empty<Invoice>());
        _store.QueryAsync<Invoice>(Arg.Any<DocumentQuery>(), Arg.Any<CancellationToken>()).Returns(_ => Empty<Invoice>());
        _store.QueryAsync<DunningNotice>(Arg.Any<DocumentQuery>(), Arg.Any<CancellationToken>()).Returns(_ => Empty<DunningNotice>());
        _store.QueryPartitionAsync<DunningNotice>(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(_ => Empty<DunningNotice>());
    }

    [Fact]
    public async Task ScheduleDunning_EnqueuesTheNoticesDue_ForTodayInUtc()
    {
        GivenAFreshBankFile();
        GivenAnOverdueInvoice("acc-1", "inv-acc-1-20260215", dueDate: new DateOnly(2026, 3, 1));
        var logger = new ListLogger<ScheduleDunning>();
        var function = new ScheduleDunning(UseCase<DunningScheduler>(), _time, logger);

        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        // Due March 1st, 30 days overdue on March 31st: stage 4 (day 30) of the default policy.
        await _queue.Received(1).EnqueueAsync(
            "dunning-notice",
            Arg.Is<DunningNoticeMessage>(m => m.AccountId == "acc-1" && m.RunDate == s_today
                && m.Items.Count == 1 && m.Items[0] == new DunningNoticeItem("inv-acc-1-20260215", 4)),
            Arg.Any<CancellationToken>());
        var finished = Assert.Single(logger.Entries, e => e.Values.ContainsKey("MessageCount"));
        Assert.Equal(LogLevel.Information, finished.Level);
        Assert.Equal(s_today, finished.Values["RunDate"]);
        Assert.Equal(1, finished.Values["NoticeCount"]);
        Assert.Equal(1, finished.Values["MessageCount"]);
    }

    [Fact]
    public async Task ScheduleDunningPage_DecidesTheOpenInvoicesAfterTheMessagesCursor_AndEnqueuesTheirNotices()
    {
        GivenAFreshBankFile();
        var invoice = GivenAnOverdueInvoice("acc-2", "inv-acc-2-20260215", dueDate: new DateOnly(2026, 3, 1));
        var after = new DocumentCursor("open", "acc-1", "inv-acc-1-20260215");
        _store.QueryPageAsync<Invoice>(InvoiceQueries.Open, Arg.Any<int>(), after, Arg.Any<CancellationToken>())
            .Returns(new DocumentPage<Invoice>([new Stored<Invoice>(DocumentKey.For<Invoice>("acc-2", invoice.Id), invoice, "e1")], null));
        var function = new ScheduleDunningPage(UseCase<DunningScheduler>(), NullLogger<ScheduleDunningPage>.Instance);

        await function.RunAsync("{\"date\":\"2026-03-31\",\"afterValue\":\"open\",\"afterPartitionKey\":\"acc-1\",\"afterId\":\"inv-acc-1-20260215\"}", CancellationToken.None);

        await _queue.Received(1).EnqueueAsync(
            "dunning-notice", Arg.Is<DunningNoticeMessage>(m => m.AccountId == "acc-2" && m.RunDate == s_today && m.Items.Single().Stage == 4), Arg.Any<CancellationToken>());
        await _queue.DidNotReceiveWithAnyArgs().EnqueueAsync<SchedulePageMessage>(default!, default!, default);
    }

    [Fact]
    public async Task ScheduleDunningPage_WithABadMessage_Throws_SoItEndsInThePoisonQueue()
    {
        var function = new ScheduleDunningPage(UseCase<DunningScheduler>(), NullLogger<ScheduleDunningPage>.Instance);

        await Assert.ThrowsAsync<JsonException>(() => function.RunAsync("not json", CancellationToken.None));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => function.RunAsync("{\"afterValue\":\"open\",\"afterPartitionKey\":\"acc-1\",\"afterId\":\"i\"}", CancellationToken.None));

        Assert.StartsWith("A schedule-dunning-page message needs date: expected ", error.Message, StringComparison.Ordinal);
        await _store.DidNotReceiveWithAnyArgs().QueryPageAsync<Invoice>(default!, default, default, default);
    }

    [Fact]
    public async Task ScheduleDunning_WhenTheFreshnessGuardBlocks_EnqueuesNothing_AndLogsTheReason()
    {
        // No bank file was ever ingested (and DUNNING_REQUIRE_BANK_FILE defaults to true).
        GivenAnOverdueInvoice("acc-1", "inv-acc-1-20260215", dueDate: new DateOnly(2026, 3, 1));
        var logger = new ListLogger<ScheduleDunning>();
        var function = new ScheduleDunning(UseCase<DunningScheduler>(), _time, logger);

        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        await _queue.DidNotReceiveWithAnyArgs().EnqueueAsync<DunningNoticeMessage>(default!, default!, default);
        var blocked = Assert.Single(logger.Entries, e => e.Values.ContainsKey("BlockedReason"));
        Assert.Equal(LogLevel.Warning, blocked.Level);
        Assert.Contains("No bank file was ever ingested", (string)blocked.Values["BlockedReason"]!, StringComparison.Ordinal);
        Assert.Equal(1, blocked.Values["SkippedCount"]);
    }

    [Fact]
    public async Task SendDunningNotice_SendsTheNoticesOfTheMessage()
    {
        GivenAFreshBankFile();
        var logger = new ListLogger<SendDunningNotice>();
        var function = new SendDunningNotice(UseCase<DunningNoticeSender>(), logger);

        await function.RunAsync("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2}]}", CancellationToken.None);

        // The sender looked the account up (it is missing here, so it reports the item as skipped and sends nothing).
        await _store.Received(1).ReadAsync<Account>("acc-7", "acc-7", Arg.Any<CancellationToken>());
        await _email.DidNotReceiveWithAnyArgs().SendAsync(default!, default);
        var skipped = Assert.Single(logger.Entries, e => e.Values.ContainsKey("Reason"));
        Assert.Equal(DunningSkipReason.AccountMissing, skipped.Values["Reason"]);
        Assert.Equal("inv-1", skipped.Values["InvoiceId"]);
    }

    [Fact]
    public async Task SendDunningNotice_WhenTheProviderFails_Throws_SoTheHostRetries()
    {
        GivenAFreshBankFile();
        var invoice = GivenAnOverdueInvoice("acc-7", "inv-acc-7-20260215", dueDate: new DateOnly(2026, 3, 1));
        var claims = new Dictionary<string, Stored<DunningNotice>>();
        _store.TryCreateAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<DunningNotice>(), Arg.Any<CancellationToken>())
            .Returns(ci => claims[ci.ArgAt<string>(1)] = new Stored<DunningNotice>(DocumentKey.For<DunningNotice>(ci.ArgAt<string>(0), ci.ArgAt<string>(1)), ci.ArgAt<DunningNotice>(2), "e1"));
        _store.ReadAsync<DunningNotice>(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(ci => claims.GetValueOrDefault(ci.ArgAt<string>(1)));
        _store.TryCreateAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<DunningEmail>(), Arg.Any<CancellationToken>())
            .Returns(ci => new Stored<DunningEmail>(DocumentKey.For<DunningEmail>(ci.ArgAt<string>(0), ci.ArgAt<string>(1)), ci.ArgAt<DunningEmail>(2), "e2"));
        _email.SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("SendGrid answered 503"));
        var function = new SendDunningNotice(UseCase<DunningNoticeSender>(), NullLogger<SendDunningNotice>.Instance);

        await Assert.ThrowsAsync<IOException>(() => function.RunAsync(
            $"{{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[{{\"invoiceId\":\"{invoice.Id}\",\"stage\":4}}]}}", CancellationToken.None));

        await _email.Received(1).SendAsync(Arg.Is<EmailMessage>(m => m.MessageId == "dunning-notice-inv-acc-7-20260215-4"), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"31.03.2026\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2}]}")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":\"two\"}]}")]
    public async Task SendDunningNotice_WithABadMessage_Throws_SoItEndsInThePoisonQueue(string message)
    {
        var function = new SendDunningNotice(UseCase<DunningNoticeSender>(), NullLogger<SendDunningNotice>.Instance);

        await Assert.ThrowsAsync<JsonException>(() => function.RunAsync(message, CancellationToken.None));
        await _store.DidNotReceiveWithAnyArgs().ReadAsync<Account>(default!, default!, default);
    }

    [Theory]
    [InlineData("{\"accountId\":\"\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2}]}")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\"}")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[]}")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[{\"stage\":2}]}")]
    public async Task SendDunningNotice_WithAnIncompleteMessage_Throws(string message)
    {
        var function = new SendDunningNotice(UseCase<DunningNoticeSender>(), NullLogger<SendDunningNotice>.Instance);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => function.RunAsync(message, CancellationToken.None));
        await _store.DidNotReceiveWithAnyArgs().ReadAsync<Account>(default!, default!, default);
    }

    private void GivenAFreshBankFile() =>
        _store.QueryAsync<BankFileRecord>(Arg.Any<DocumentQuery>(), Arg.Any<CancellationToken>()).Returns(_ => Of(new Stored<BankFileRecord>(
            DocumentKey.For<BankFileRecord>("bf-1", "bf-1"),
            new BankFileRecord { Id = "bf-1", FileName = "camt053.xml", IngestedAt = _time.GetUtcNow().AddDays(-1), Outcome = BankFileOutcome.Processed },
            "e1")));

    private Invoice GivenAnOverdueInvoice(string accountId, string invoiceId, DateOnly dueDate)
    {
        var account = Account(accountId);
        var charge = new Charge { Key = "c1", Date = dueDate.AddDays(-14), Kind = InvoiceLineKind.Recurring, Description = "Plan", Quantity = 1m, UnitPrice = Money.Of(100m, "EUR") };
        var invoice = InvoiceCalculator.Draft(invoiceId, account, Seller(), dueDate.AddDays(-14), dueDate.AddDays(-14), [charge])
            with { Status = InvoiceStatus.Open, Number = "INV-2026-000007", DueDate = dueDate };
        var storedAccount = new Stored<Account>(DocumentKey.For<Account>(accountId, accountId), account, "e1");
        var storedInvoice = new Stored<Invoice>(DocumentKey.For<Invoice>(accountId, invoiceId), invoice, "e1");
        _store.QueryPageAsync<Invoice>(InvoiceQueries.Open, Arg.Any<int>(), null, Arg.Any<CancellationToken>())
            .Returns(new DocumentPage<Invoice>([storedInvoice], null));
        _store.ReadAsync<Account>(accountId, accountId, Arg.Any<CancellationToken>()).Returns(storedAccount);
        _store.ReadAsync<Invoice>(accountId, invoiceId, Arg.Any<CancellationToken>()).Returns(storedInvoice);
        return invoice;
    }

    /// <summary>The use cases as AddBillingCore wires them (with the default dunning settings), over substitutes of every port.</summary>
    private T UseCase<T>() where T : notnull
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build())
            .AddSingleton<TimeProvider>(_time)
            .AddBillingCore();
        services.AddSingleton(_store);
        services.AddSingleton(_queue);
        services.AddSingleton(_email);
        services.AddSingleton(Substitute.For<IBlobStore>());
        services.AddSingleton(Substitute.For<IInvoiceDocumentRenderer>());
        services.AddSingleton(Substitute.For<IEventPublisher>());
        return services.BuildServiceProvider().GetRequiredService<T>();
    }

    private static Dictionary<string, string?> Settings() => SampleSeller.Settings();

    private static SellerOptions Seller() => new()
    {
        LegalName = "Example Billing GmbH", VatId = "DE123456789", Street = "Musterstrasse 1", City = "Berlin", PostalCode = "10115",
        CountryCode = "DE", Email = "billing@example.com", Iban = "DE89370400440532013000", DomesticVatRate = 19m,
    };

    private static Account Account(string id) => new()
    {
        Id = id,
        LegalName = "Customer AG",
        BillingEmails = ["ap@customer.example"],
        Address = new PostalAddress { Street = "Hauptstrasse 2", City = "Hamburg", PostalCode = "20095", CountryCode = "DE" },
        Currency = Currency.EUR,
    };
}
