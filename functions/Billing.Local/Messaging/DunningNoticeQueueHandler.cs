using Billing.Core.Dunning;
using Billing.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Billing.Local.Messaging;

/// <summary>
/// The <c>dunning-notice</c> queue: sends the notices of one <see cref="DunningNoticeMessage"/> in one email. A message
/// that <see cref="QueueMessageParser"/> rejects throws, so it ends in the poison table; items the sender passes over (paid meanwhile,
/// blocked by the freshness guard) are not an error.
/// </summary>
public sealed class DunningNoticeQueueHandler(DunningNoticeSender sender, IOptions<QueueOptions> queues) : ILocalQueueHandler
{
    public string QueueName => queues.Value.DunningNotice;

    public async Task HandleAsync(string messageJson, CancellationToken cancellationToken)
    {
        await sender.SendAsync(QueueMessageParser.DunningNotice(messageJson), cancellationToken);
    }
}
