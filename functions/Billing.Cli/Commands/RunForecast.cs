using Billing.Core.Catalog;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Storage;
using Billing.Core.Subscriptions;

namespace Billing.Cli.Commands;

/// <summary>
/// What a billing run as of a date would issue, counted before it runs: per account, the days with charges not yet billed
/// up to the date (one invoice per day, as <see cref="AccountBiller"/> groups them). Accounts whose billing state says
/// their next charge is less than a month before the date are skipped (they add at most a few invoices each), so an
/// ordinary daily run reads little; the figure is an estimate, and says so.
/// </summary>
public sealed record RunForecast(int Invoices, int Accounts, string? LargestAccount, int LargestAccountInvoices, DateOnly? FirstDay, DateOnly? LastDay)
{
    public static async Task<RunForecast> ComputeAsync(IDocumentStore store, DateOnly at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        await foreach (var plan in store.QueryPartitionAsync<Plan>(Containers.CatalogPartition, cancellationToken))
        {
            plans[plan.Value.Id] = plan.Value;
        }

        var forecast = new RunForecast(0, 0, null, 0, null, null);
        await foreach (var state in store.QueryAllAsync<AccountBillingState>(cancellationToken))
        {
            var s = state.Value;
            if (!BillingScheduler.IsDue(s, at) || s.NextChargeDate > at.AddMonths(-1))
            {
                continue;
            }

            var days = await UnbilledDaysAsync(store, plans, s, at, cancellationToken);
            forecast = forecast.With(s.AccountId, days);
        }

        return forecast;
    }

    private RunForecast With(string accountId, IReadOnlyList<DateOnly> days) => days.Count == 0 ? this : new(
        Invoices + days.Count,
        Accounts + 1,
        days.Count > LargestAccountInvoices ? accountId : LargestAccount,
        Math.Max(days.Count, LargestAccountInvoices),
        FirstDay is { } first && first < days[0] ? first : days[0],
        LastDay is { } last && last > days[^1] ? last : days[^1]);

    private static async Task<IReadOnlyList<DateOnly>> UnbilledDaysAsync(
        IDocumentStore store, Dictionary<string, Plan> plans, AccountBillingState state, DateOnly at, CancellationToken cancellationToken)
    {
        var subscriptions = await ToListAsync(store.QueryPartitionAsync<Subscription>(state.AccountId, cancellationToken));
        var oneOffs = await ToListAsync(store.QueryPartitionAsync<OneOffCharge>(state.AccountId, cancellationToken));
        if (subscriptions.Any(s => !plans.ContainsKey(s.PlanId) || s.Changes.Any(c => c.PlanId is { } p && !plans.ContainsKey(p))))
        {
            return [];
        }

        var charges = AccountBiller.AllCharges(subscriptions, oneOffs, plans, at);
        if (state.NextChargeDate is { } next && next != DateOnly.MinValue)
        {
            charges = charges.Where(c => c.Date >= next);
        }
        else
        {
            // Imported (or imported again) since the last run: what its invoices already bill does not count.
            var invoices = await ToListAsync(store.QueryPartitionAsync<Invoice>(state.AccountId, cancellationToken));
            var billed = invoices.SelectMany(i => i.Lines).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
            charges = charges.Where(c => !billed.Contains(c.Key));
        }

        return [.. charges.Select(c => c.Date).Distinct().Order()];
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<Stored<T>> items) where T : class, IDocument
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item.Value);
        }

        return list;
    }
}
