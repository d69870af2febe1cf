using Billing.Core.Invoicing;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Issuing;

/// <summary>
/// The daily fan-out, one bounded page at a time: a page is the next <see cref="SchedulePageOptions.BillingPageSize"/>
/// accounts whose billing state is due on the billing date (next charge date on or before it, from the
/// <c>nextChargeDate</c> index; a freshly imported account's state says <see cref="DateOnly.MinValue"/>, "look now"),
/// each enqueued as one <see cref="BillAccountMessage"/>; when more may follow, one <see cref="SchedulePageMessage"/> on
/// <see cref="QueueOptions.ScheduleBillingPage"/> carries the cursor to the next page. So the timer and every page message
/// do at most a page of work however many accounts there are. Everything enqueued is a function of the date and the
/// cursor: a page handled twice enqueues the same messages, and billing an account twice is a no-op.
/// Accounts whose state says nothing is due (finished, or next charge after the date) are never read.
/// </summary>
public sealed partial class BillingScheduler(
    IDocumentStore store, IWorkQueue queue, IOptions<QueueOptions> queues, IOptions<SchedulePageOptions> pages, ILogger<BillingScheduler> logger)
{
    /// <summary>The first page of the fan-out for <paramref name="billingDate"/> (the timer); returns the accounts enqueued.</summary>
    public Task<int> ScheduleAsync(DateOnly billingDate, CancellationToken cancellationToken = default) =>
        SchedulePageAsync(billingDate, null, cancellationToken);

    /// <summary>The page after <paramref name="after"/> (a <c>schedule-billing-page</c> message); returns the accounts enqueued.</summary>
    public async Task<int> SchedulePageAsync(DateOnly billingDate, DocumentCursor? after, CancellationToken cancellationToken = default)
    {
        var page = await store.QueryPageAsync<AccountBillingState>(DueOn(billingDate), pages.Value.BillingPageSize, after, cancellationToken);
        var enqueued = 0;
        foreach (var state in page.Items)
        {
            if (IsDue(state.Value, billingDate))
            {
                await queue.EnqueueAsync(queues.Value.BillAccount, new BillAccountMessage(state.Value.AccountId, billingDate), cancellationToken);
                enqueued++;
            }
        }

        if (page.Next is { } next)
        {
            await queue.EnqueueAsync(queues.Value.ScheduleBillingPage, SchedulePageMessage.After(billingDate, next), cancellationToken);
        }

        LogScheduled(billingDate, enqueued, after?.PartitionKey, page.Next is not null);
        return enqueued;
    }

    /// <summary>Billing states with a next charge date on or before <paramref name="billingDate"/>.</summary>
    public static DocumentQuery DueOn(DateOnly billingDate) =>
        DocumentQuery.Across(DocumentFilter.AtMost("nextChargeDate", InvoiceQueries.Wire(billingDate)));

    public static bool IsDue(AccountBillingState state, DateOnly billingDate) =>
        !state.Finished && (state.NextChargeDate is null || state.NextChargeDate <= billingDate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Billing {BillingDate}: {AccountCount} accounts enqueued (page after {AfterAccountId}, more to come: {HasNextPage})")]
    private partial void LogScheduled(DateOnly billingDate, int accountCount, string? afterAccountId, bool hasNextPage);
}
