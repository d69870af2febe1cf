using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Billing.Local.Messaging;

/// <summary>The <c>schedule-billing-page</c> queue: the next page of the billing fan-out.</summary>
public sealed class ScheduleBillingPageQueueHandler(BillingScheduler scheduler, IOptions<QueueOptions> queues) : ILocalQueueHandler
{
    public string QueueName => queues.Value.ScheduleBillingPage;

    public async Task HandleAsync(string messageJson, CancellationToken cancellationToken)
    {
        var message = QueueMessageParser.SchedulePage(messageJson, QueueName);
        await scheduler.SchedulePageAsync(message.Date, message.Cursor, cancellationToken);
    }
}
