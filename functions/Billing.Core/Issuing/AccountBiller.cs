using System.Security.Cryptography;
using System.Text;
using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Invoicing;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Billing.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Issuing;

/// <summary>
/// Bills one account for everything due up to a billing date (the <c>bill-account</c> queue's use case).
/// Unbilled charges are grouped by the day they became billable, one invoice per day, with the
/// deterministic id <c>inv-{account}-{yyyyMMdd}</c>; a charge that turns up late for a day whose invoice was
/// already issued goes on a new invoice whose id adds a hash of its charge keys. Drafts are created
/// if absent, then each invoice not yet emailed is issued (<see cref="InvoiceIssuer"/>). Running it again
/// for the same date creates nothing.
/// </summary>
public sealed partial class AccountBiller(
    IDocumentStore store, InvoiceIssuer issuer, IOptions<SellerOptions> seller, ILogger<AccountBiller> logger)
{
    public async Task<IReadOnlyList<Invoice>> BillAsync(string accountId, DateOnly billingDate, CancellationToken cancellationToken = default)
    {
        var account = await store.ReadAsync<Account>(accountId, accountId, cancellationToken)
            ?? throw new AccountNotFoundException(accountId);
        var plans = await LoadPlansAsync(cancellationToken);
        var subscriptions = await ToListAsync(store.QueryPartitionAsync<Subscription>(accountId, cancellationToken));
        var oneOffs = await ToListAsync(store.QueryPartitionAsync<OneOffCharge>(accountId, cancellationToken));
        var invoices = await ToListAsync(store.QueryPartitionAsync<Invoice>(accountId, cancellationToken));

        var billed = invoices.SelectMany(i => i.Lines).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var existingIds = invoices.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var unbilled = AllCharges(subscriptions, oneOffs, plans, billingDate).Where(c => !billed.Contains(c.Key));

        foreach (var day in unbilled.GroupBy(c => c.Date).OrderBy(g => g.Key))
        {
            var charges = day.ToList();
            var id = Invoice.IdFor(accountId, day.Key);
            if (existingIds.Contains(id))
            {
                id = $"{id}-{KeyHash(charges)}";
            }

            var draft = CreditedInvoices.Attach(InvoiceCalculator.Draft(id, account.Value, seller.Value, day.Key, billingDate, charges), charges, invoices);
            var created = await store.TryCreateAsync(accountId, id, draft, cancellationToken);
            if (created is not null)
            {
                invoices.Add(created.Value);
                existingIds.Add(id);
                LogDraftCreated(id, accountId, charges.Count);
            }
        }

        var issued = new List<Invoice>();
        foreach (var invoice in invoices.Where(i => i.EmailedAt is null && i.Status != InvoiceStatus.Void).OrderBy(i => i.BillingDate))
        {
            issued.Add(await issuer.IssueAsync(invoice.AccountId, invoice.Id, cancellationToken));
        }

        await RecordStateAsync(accountId, subscriptions, oneOffs, plans, billingDate, cancellationToken);
        return issued;
    }

    /// <summary>Every charge of the account's subscriptions and one-off charges billable on or before <paramref name="asOf"/>.</summary>
    public static IEnumerable<Charge> AllCharges(
        IEnumerable<Subscription> subscriptions, IEnumerable<OneOffCharge> oneOffs, IReadOnlyDictionary<string, Plan> plans, DateOnly asOf) =>
        subscriptions.SelectMany(s => SubscriptionCharges.Until(s, plans, asOf))
            .Concat(oneOffs.Where(c => c.Date <= asOf).Select(OneOff));

    private static Charge OneOff(OneOffCharge charge) => new()
    {
        Key = $"charge/{charge.Id}",
        Date = charge.Date,
        Kind = InvoiceLineKind.OneOff,
        Description = charge.Description,
        Quantity = charge.Quantity,
        UnitPrice = charge.UnitPrice.Round(),
    };

    private async Task RecordStateAsync(
        string accountId, List<Subscription> subscriptions, List<OneOffCharge> oneOffs, IReadOnlyDictionary<string, Plan> plans, DateOnly billingDate, CancellationToken cancellationToken)
    {
        var next = NextChargeDate(subscriptions, oneOffs, plans, billingDate);
        var state = new AccountBillingState { AccountId = accountId, NextChargeDate = next, Finished = next is null, LastBilledOn = billingDate };
        var existing = await store.ReadAsync<AccountBillingState>(accountId, AccountBillingState.DocumentId, cancellationToken);
        try
        {
            if (existing is null)
            {
                await store.TryCreateAsync(accountId, AccountBillingState.DocumentId, state, cancellationToken);
            }
            else if (existing.Value != state)
            {
                await store.ReplaceAsync(accountId, AccountBillingState.DocumentId, state, existing.ETag, cancellationToken);
            }
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent run (or an import) wrote the state; either way the account will be looked at again.
        }
    }

    /// <summary>The first day after <paramref name="after"/> on which a new charge becomes billable, or null if none ever will.</summary>
    public static DateOnly? NextChargeDate(
        IEnumerable<Subscription> subscriptions, IEnumerable<OneOffCharge> oneOffs, IReadOnlyDictionary<string, Plan> plans, DateOnly after)
    {
        DateOnly? next = null;
        void Consider(DateOnly date) => next = next is null || date < next ? date : next;
        foreach (var subscription in subscriptions)
        {
            var interval = (int)plans[subscription.PlanId].Interval;
            var end = subscription.EndDate;
            var nextStart = after < subscription.StartDate
                ? subscription.StartDate
                : BillingPeriod.Containing(subscription.StartDate, interval, after).End;
            if (end is null || nextStart < end)
            {
                Consider(nextStart);
            }

            foreach (var change in subscription.Changes.Where(c => c.EffectiveDate > after && (end is null || c.EffectiveDate < end)))
            {
                Consider(change.EffectiveDate);
            }

            if (end is { } cancelled && cancelled > after)
            {
                Consider(cancelled);
            }
        }

        foreach (var charge in oneOffs.Where(c => c.Date > after))
        {
            Consider(charge.Date);
        }

        return next;
    }

    private async Task<IReadOnlyDictionary<string, Plan>> LoadPlansAsync(CancellationToken cancellationToken)
    {
        var plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        await foreach (var plan in store.QueryPartitionAsync<Plan>(Containers.CatalogPartition, cancellationToken))
        {
            plans[plan.Value.Id] = plan.Value;
        }

        return plans;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<Stored<T>> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item.Value);
        }

        return list;
    }

    private static string KeyHash(IEnumerable<Charge> charges)
    {
        var keys = string.Join('\n', charges.Select(c => c.Key).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys)))[..8];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft {InvoiceId} created for account {AccountId} with {ChargeCount} charges")]
    private partial void LogDraftCreated(string invoiceId, string accountId, int chargeCount);
}
