using Billing.Core.Billing;
using Billing.Core.Messaging;
using Billing.Core.Serialization;
using Microsoft.Extensions.Options;

namespace Billing.Local.Messaging;

/// <summary>The <c>send-invoice</c> queue: emails the issued invoice (once); a live claim of another worker defers the message.</summary>
public sealed class SendInvoiceQueueHandler(InvoiceMailer mailer, IWorkQueue queue, IOptions<QueueOptions> queues, TimeProvider time) : ILocalQueueHandler
{
    public string QueueName => queues.Value.SendInvoice;

    public async Task HandleAsync(string messageJson, CancellationToken cancellationToken)
    {
        var message = BillingJson.Deserialize<SendInvoiceMessage>(messageJson);
        if (await mailer.SendAsync(message.AccountId, message.InvoiceId, cancellationToken) is InvoiceSendOutcome.Deferred deferred)
        {
            await queue.EnqueueAsync(QueueName, message, deferred.RetryAt - time.GetUtcNow(), cancellationToken);
        }
    }
}
