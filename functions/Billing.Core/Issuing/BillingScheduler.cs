using Billing.Core.Accounts;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Issuing;

/// <summary>
/// The daily fan-out: finds every account with something billable on or before the billing date and enqueues
/// one <see cref="BillAccountMessage"/> for each. Enqueuing twice is harmless: billing an account is
/// idempotent. Accounts whose state says nothing is due are not touched.
/// </summary>
public sealed partial class BillingScheduler(IDocumentStore store, IWorkQueue queue, IOptions<QueueOptions> queues, ILogger<BillingScheduler> logger)
{
    public async Task<int> ScheduleAsync(DateOnly billingDate, CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, AccountBillingState>(StringComparer.Ordinal);
        await foreach (var state in store.QueryAllAsync<AccountBillingState>(cancellationToken))
        {
            states[state.Value.AccountId] = state.Value;
        }

        var enqueued = 0;
        await foreach (var account in store.QueryAllAsync<Account>(cancellationToken))
        {
            if (states.TryGetValue(account.Value.Id, out var state) && !IsDue(state, billingDate))
            {
                continue;
            }

            await queue.EnqueueAsync(queues.Value.BillAccount, new BillAccountMessage(account.Value.Id, billingDate), cancellationToken);
            enqueued++;
        }

        LogScheduled(billingDate, enqueued);
        return enqueued;
    }

    public static bool IsDue(AccountBillingState state, DateOnly billingDate) =>
        !state.Finished && (state.NextChargeDate is null || state.NextChargeDate <= billingDate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Billing {BillingDate}: {AccountCount} accounts enqueued")]
    private partial void LogScheduled(DateOnly billingDate, int accountCount);
}
