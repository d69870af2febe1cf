using Billing.Core.Dunning;
using Billing.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Billing.Local.Messaging;

/// <summary>The <c>schedule-dunning-page</c> queue: the next page of the dunning fan-out.</summary>
public sealed class ScheduleDunningPageQueueHandler(DunningScheduler scheduler, IOptions<QueueOptions> queues) : ILocalQueueHandler
{
    public string QueueName => queues.Value.ScheduleDunningPage;

    public async Task HandleAsync(string messageJson, CancellationToken cancellationToken)
    {
        var message = QueueMessageParser.SchedulePage(messageJson, QueueName);
        await scheduler.SchedulePageAsync(message.Date, message.Cursor, cancellationToken);
    }
}
