using Billing.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Billing.Core.Messaging;

/// <summary>
/// The <c>send-invoice</c> message, the same for every host: parsed once (<see cref="QueueMessageParser"/>), the invoice
/// emailed (<see cref="InvoiceMailer"/>), and when another worker holds a live claim on it the message is enqueued again,
/// visible when that claim's lease ends, so the message in hand completes: a claim never fails a message into poison.
/// </summary>
public sealed class SendInvoiceMessageHandler(InvoiceMailer mailer, IWorkQueue queue, IOptions<QueueOptions> queues, TimeProvider time)
{
    public async Task<(SendInvoiceMessage Message, InvoiceSendOutcome Outcome)> HandleAsync(string json, CancellationToken cancellationToken = default)
    {
        var message = QueueMessageParser.SendInvoice(json);
        var outcome = await mailer.SendAsync(message.AccountId, message.InvoiceId, cancellationToken);
        if (outcome is InvoiceSendOutcome.Deferred deferred)
        {
            await queue.EnqueueAsync(queues.Value.SendInvoice, message, deferred.RetryAt - time.GetUtcNow(), cancellationToken);
        }

        return (message, outcome);
    }
}
