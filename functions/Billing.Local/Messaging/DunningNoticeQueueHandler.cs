using Billing.Core.Dunning;
using Billing.Core.Messaging;
using Billing.Core.Serialization;
using Microsoft.Extensions.Options;

namespace Billing.Local.Messaging;

/// <summary>
/// The <c>dunning-notice</c> queue: sends the notices of one <see cref="DunningNoticeMessage"/> in one email. A message
/// that is not of that shape throws, so it ends in the poison table; items the sender passes over (paid meanwhile,
/// blocked by the freshness guard) are not an error.
/// </summary>
public sealed class DunningNoticeQueueHandler(DunningNoticeSender sender, IOptions<QueueOptions> queues) : ILocalQueueHandler
{
    public string QueueName => queues.Value.DunningNotice;

    public async Task HandleAsync(string messageJson, CancellationToken cancellationToken)
    {
        var message = BillingJson.Deserialize<DunningNoticeMessage>(messageJson);
        if (string.IsNullOrWhiteSpace(message.AccountId) || message.Items is not { Count: > 0 } || message.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.InvoiceId)))
        {
            throw new ArgumentException("A dunning notice message names an account and at least one invoice and stage.", nameof(messageJson));
        }

        await sender.SendAsync(message, cancellationToken);
    }
}
