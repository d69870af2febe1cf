using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Billing.Core.Catalog;
using Billing.Core.Dunning;
using Billing.Core.Invoicing;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Reporting;
using Billing.Core.Storage;
using Billing.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Billing.Core.Tests.Reporting;

/// <summary>
/// The reports read only what can move a figure (<see cref="ReportReads"/>), and their figures are exactly those of a
/// pass over every stored document: fifteen months of history with payments booked out of order, partial payments,
/// a write-off, credit notes, old parked payments and old notices.
/// </summary>
public sealed class ReportReadsTests
{
    private static readonly DateOnly s_start = new(2025, 1, 1);
    private static readonly DateOnly s_end = new(2026, 3, 31);
    private static readonly Lazy<Task<BillingWorld>> s_world = new(CreateAsync);

    [Theory]
    [InlineData("2026-03-31")]
    [InlineData("2026-04-01")]
    [InlineData("2026-01-01")]
    [InlineData("2025-07-01")]
    [InlineData("2025-10-15")]
    public async Task Build_OverFifteenMonthsOfHistory_GivesTheFiguresOfAPassOverEveryDocument(string date)
    {
        var world = await s_world.Value;
        var asOf = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var filtered = await Builder(new ReadingStore(world.Store, filtered: true)).BuildAsync(asOf);
        var everything = await Builder(new ReadingStore(world.Store, filtered: false)).BuildAsync(asOf);

        Assert.Equal(everything.Select(c => c.Report), filtered.Select(c => c.Report));
        Assert.Equal(everything.Select(ReportSnapshot.HashOf), filtered.Select(ReportSnapshot.HashOf));
    }

    [Fact]
    public async Task Build_OverFifteenMonthsOfHistory_ReadsNoInvoiceSettledBeforeItsWindows()
    {
        var world = await s_world.Value;
        var store = new ReadingStore(world.Store, filtered: true);
        var all = await world.InvoicesAsync();

        await Builder(store).BuildAsync(s_end);

        // The trend window starts on 2025-04-01: an invoice issued before it and paid before the as-of date moves no figure.
        var settledBefore = all.Where(i => i.IssueDate < new DateOnly(2025, 4, 1) && i.Status == InvoiceStatus.Paid && i.PaidDate < s_end).ToList();
        Assert.NotEmpty(settledBefore);
        Assert.DoesNotContain(store.InvoicesRead, id => settledBefore.Any(i => i.Id == id));
        Assert.True(store.InvoicesRead.Count < all.Count, $"{store.InvoicesRead.Count} of {all.Count} invoices read");
    }

    private static ReportBuilder Builder(IDocumentStore store) =>
        new(store, Options.Create(new ReportOptions()), NullLogger<ReportBuilder>.Instance);

    private static async Task<BillingWorld> CreateAsync()
    {
        var world = new BillingWorld(s_start);
        await world.ImportAsync(
            [BillingWorld.Plan("basic", 30m), BillingWorld.Plan("pro", 90m), BillingWorld.Plan("usd", 50m, "USD")],
            new() { Account = BillingWorld.Account("alpha"), Subscriptions = [BillingWorld.Subscription("alpha-1", "alpha", "basic", 2, new(2025, 1, 5))] },
            new()
            {
                Account = BillingWorld.Account("beta"),
                Subscriptions = [BillingWorld.Subscription("beta-1", "beta", "pro", 3, new(2025, 1, 10), null,
                    new Core.Subscriptions.SubscriptionChange { EffectiveDate = new(2025, 5, 20), Quantity = 1 },
                    new Core.Subscriptions.SubscriptionChange { EffectiveDate = new(2026, 2, 20), Quantity = 2 })],
            },
            new() { Account = BillingWorld.Account("gamma", "USD", Core.Accounts.TaxTreatment.Exempt) with { PaymentTermsDays = 365 }, Subscriptions = [BillingWorld.Subscription("gamma-1", "gamma", "usd", 1, new(2025, 1, 5))] });
        await world.RunDailyUntilAsync(s_end);

        var number = 0;
        foreach (var invoice in (await world.InvoicesAsync()).Where(i => i.Status == InvoiceStatus.Open).OrderBy(i => i.IssueDate).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            number++;
            if (invoice.IssueDate < new DateOnly(2025, 3, 1))
            {
                // Older than every window, yet they move figures: a late payer settles in 2026, a year's terms end in a write-off.
                await (invoice.AccountId == "gamma"
                    ? world.Store.UpdateAsync<Invoice>(invoice.AccountId, invoice.Id, i => i.WriteOff())
                    : PayAsync(world, invoice, invoice.AmountDue, new DateOnly(2026, 3, 10), $"late-payer-{number}"));
                continue;
            }

            switch (number % 6)
            {
                case 0: // paid in two parts booked out of order: the later-dated part arrives first
                    await PayAsync(world, invoice, invoice.AmountDue - Money.Of(10m, invoice.Currency.Code), invoice.DueDate.AddDays(40), $"late-{number}");
                    await PayAsync(world, invoice, Money.Of(10m, invoice.Currency.Code), invoice.DueDate.AddDays(-2), $"early-{number}");
                    break;
                case 1 or 2 or 3: // paid around the due date
                    await PayAsync(world, invoice, invoice.AmountDue, invoice.DueDate.AddDays(number % 4 * 5 - 5), $"pay-{number}");
                    break;
                case 4 when invoice.IssueDate < new DateOnly(2025, 9, 1): // written off
                    await world.Store.UpdateAsync<Invoice>(invoice.AccountId, invoice.Id, i => i.WriteOff());
                    break;
                case 4: // partly paid, still open
                    await PayAsync(world, invoice, Money.Of(5m, invoice.Currency.Code), invoice.DueDate.AddDays(3), $"part-{number}");
                    break;
                default: // left open
                    break;
            }

            if (number % 5 == 0)
            {
                await ReportScenario.NoticeAsync(world, invoice, 1, invoice.DueDate.AddDays(3));
            }
        }

        foreach (var (id, booked) in new[] { ("parked-old", new DateOnly(2025, 2, 3)), ("parked-new", new DateOnly(2026, 3, 2)) })
        {
            await world.Store.TryCreateAsync(Payment.SuspensePartition, id, new Payment
            {
                Id = id, AccountId = Payment.SuspensePartition, BankFileId = "file-1", Amount = Money.Of(70m, "EUR"), BookingDate = booked,
                Status = PaymentStatus.Parked, PayerName = "Unknown", ParkReason = "No reference found", RecordedAt = new DateTimeOffset(booked.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            });
        }

        return world;
    }

    /// <summary>A payment applied through the invoice's own rule (so its paid date is its latest payment), and stored as applied.</summary>
    private static async Task PayAsync(BillingWorld world, Invoice invoice, Money amount, DateOnly date, string paymentId)
    {
        await world.Store.UpdateAsync<Invoice>(invoice.AccountId, invoice.Id, i => i.ApplyPayment(new InvoicePayment(paymentId, amount, date)));
        await world.Store.TryCreateAsync(invoice.AccountId, paymentId, new Payment
        {
            Id = paymentId, AccountId = invoice.AccountId, BankFileId = "file-1", Amount = amount, BookingDate = date, Status = PaymentStatus.Applied, Rule = MatchRule.CreditorReference,
            Allocations = [new PaymentAllocation(invoice.Id, invoice.Number!, amount)], RecordedAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        });
    }

    /// <summary>
    /// The world's store, either as it is (filtered queries) or answering every query across partitions with every document
    /// of the type (what the reports read before they filtered); records which invoices a run read.
    /// </summary>
    private sealed class ReadingStore(IDocumentStore inner, bool filtered) : IDocumentStore
    {
        private readonly ConcurrentBag<string> _invoices = [];

        public IReadOnlyCollection<string> InvoicesRead => _invoices.Distinct(StringComparer.Ordinal).ToList();

        public Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default) where T : class, IDocument =>
            Recorded(inner.ReadAsync<T>(partitionKey, id, cancellationToken));

        public Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default) where T : class, IDocument =>
            inner.TryCreateAsync(partitionKey, id, value, cancellationToken);

        public Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default) where T : class, IDocument =>
            inner.ReplaceAsync(partitionKey, id, value, etag, cancellationToken);

        public Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default) where T : class, IDocument =>
            inner.DeleteAsync<T>(partitionKey, id, etag, cancellationToken);

        public IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, CancellationToken cancellationToken = default) where T : class, IDocument =>
            Recorded(inner.QueryPartitionAsync<T>(partitionKey, cancellationToken), cancellationToken);

        public IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default) where T : class, IDocument =>
            Recorded(filtered || query.PartitionKey is not null ? inner.QueryAsync<T>(query, cancellationToken) : inner.QueryAllAsync<T>(cancellationToken), cancellationToken);

        public IAsyncEnumerable<Stored<T>> QueryAllAsync<T>(CancellationToken cancellationToken = default) where T : class, IDocument =>
            Recorded(inner.QueryAllAsync<T>(cancellationToken), cancellationToken);

        private async Task<Stored<T>?> Recorded<T>(Task<Stored<T>?> read) where T : class, IDocument
        {
            var document = await read;
            if (document?.Value is Invoice invoice)
            {
                _invoices.Add(invoice.Id);
            }

            return document;
        }

        private async IAsyncEnumerable<Stored<T>> Recorded<T>(IAsyncEnumerable<Stored<T>> documents, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var document in documents.WithCancellation(cancellationToken))
            {
                if (document.Value is Invoice invoice)
                {
                    _invoices.Add(invoice.Id);
                }

                yield return document;
            }
        }
    }
}
