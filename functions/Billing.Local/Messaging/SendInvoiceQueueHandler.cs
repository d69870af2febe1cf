using Billing.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Billing.Local.Messaging;

/// <summary>The <c>send-invoice</c> queue: emails the issued invoice (once); a live claim of another worker defers the message.</summary>
public sealed class SendInvoiceQueueHandler(SendInvoiceMessageHandler handler, IOptions<QueueOptions> queues) : ILocalQueueHandler
{
    public string QueueName => queues.Value.SendInvoice;

    public Task HandleAsync(string messageJson, CancellationToken cancellationToken) => handler.HandleAsync(messageJson, cancellationToken);
}
