using Billing.Core.Billing;
using Billing.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Billing.Local.Messaging;

/// <summary>The <c>send-invoice</c> queue: emails the issued invoice (once).</summary>
public sealed class SendInvoiceQueueHandler(InvoiceMailer mailer, IOptions<QueueOptions> queues) : ILocalQueueHandler
{
    public string QueueName => queues.Value.SendInvoice;

    public async Task HandleAsync(string messageJson, CancellationToken cancellationToken)
    {
        var message = QueueMessageParser.SendInvoice(messageJson);
        await mailer.SendAsync(message.AccountId, message.InvoiceId, cancellationToken);
    }
}
