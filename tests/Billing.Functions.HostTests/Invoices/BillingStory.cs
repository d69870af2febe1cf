using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Monetary;
using Billing.Core.Storage;
using Billing.Core.Subscriptions;
using Billing.Functions.HostTests.Rpc;

namespace Billing.Functions.HostTests.Invoices;

/// <summary>
/// The daily billing run through the worker, once per test run: two accounts whose monthly subscription starts today;
/// the <c>ScheduleBilling</c> timer fires; every <c>bill-account</c> message is delivered to <c>BillAccount</c>; every
/// <c>send-invoice</c> message to <c>SendInvoice</c>. Tests read what each step left behind.
/// </summary>
public sealed class BillingStory(WorkerFixture worker)
{
    public const decimal MonthlyPrice = 100m;

    private readonly Lazy<Task<Outcome>> _run = new(() => RunAsync(worker));

    public Task<Outcome> RunAsync() => _run.Value;

    private static async Task<Outcome> RunAsync(WorkerFixture worker)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await worker.Store.TryCreateAsync(Containers.CatalogPartition, "host-pro", new Plan { Id = "host-pro", Name = "Pro", Interval = BillingInterval.Monthly, UnitPrice = Money.Of(MonthlyPrice, "EUR") });
        var accounts = new List<string>();
        for (var i = 1; i <= 2; i++)
        {
            var id = $"acc-host-{i}";
            await worker.Store.TryCreateAsync(id, id, new Account
            {
                Id = id,
                LegalName = $"Host Customer {i} GmbH",
                BillingEmails = [$"ap@{id}.example"],
                Address = new PostalAddress { Street = "Hauptstrasse 2", City = "Hamburg", PostalCode = "20095", CountryCode = "DE" },
                Currency = Currency.EUR,
            });
            await worker.Store.TryCreateAsync(id, "sub-1", new Subscription { Id = "sub-1", AccountId = id, PlanId = "host-pro", Quantity = 1, StartDate = today });
            // As an import writes it: the scheduler finds due accounts by their billing state's next charge date.
            await worker.Store.TryCreateAsync(id, AccountBillingState.DocumentId, new AccountBillingState { AccountId = id, NextChargeDate = DateOnly.MinValue });
            accounts.Add(id);
        }

        var schedule = await worker.FireTimerAsync("ScheduleBilling");
        var billAccount = worker.Queue("BillAccount");
        var waiting = (await billAccount.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var billed = await billAccount.DrainAsync();
        var invoices = new List<Invoice>();
        foreach (var account in accounts)
        {
            await foreach (var invoice in worker.Store.QueryPartitionAsync<Invoice>(account))
            {
                invoices.Add(invoice.Value);
            }
        }

        var sent = await worker.Queue("SendInvoice").DrainAsync();
        return new Outcome(accounts, schedule, waiting, billed, invoices, sent);
    }

    public sealed record Outcome(
        IReadOnlyList<string> AccountIds,
        InvocationResponse Schedule,
        int BillAccountMessages,
        IReadOnlyList<InvocationResponse> BillAccountInvocations,
        IReadOnlyList<Invoice> Invoices,
        IReadOnlyList<InvocationResponse> SendInvoiceInvocations);
}
