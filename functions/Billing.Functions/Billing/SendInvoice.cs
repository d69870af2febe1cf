using Billing.Core.Billing;
using Billing.Core.Messaging;
using Billing.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Functions.Billing;

/// <summary>
/// Emails one issued invoice (a <see cref="SendInvoiceMessage"/> from the send-invoice queue); bad messages throw (→ poison
/// queue). When another worker holds a live claim on the invoice, the message is enqueued again, visible when that claim's
/// lease ends, and this one completes: a claim never fails a message.
/// </summary>
public sealed partial class SendInvoice(InvoiceMailer mailer, IWorkQueue queue, IOptions<QueueOptions> queues, TimeProvider time, ILogger<SendInvoice> logger)
{
    [Function(nameof(SendInvoice))]
    public async Task RunAsync([QueueTrigger("%SEND_INVOICE_QUEUE%")] string message, CancellationToken cancellationToken)
    {
        var request = BillingJson.Deserialize<SendInvoiceMessage>(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.AccountId, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.InvoiceId, nameof(message));
        var outcome = await mailer.SendAsync(request.AccountId, request.InvoiceId, cancellationToken);
        if (outcome is InvoiceSendOutcome.Deferred deferred)
        {
            await queue.EnqueueAsync(queues.Value.SendInvoice, request, deferred.RetryAt - time.GetUtcNow(), cancellationToken);
        }

        LogOutcome(request.InvoiceId, request.AccountId, outcome.GetType().Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceId} of account {AccountId}: {Outcome}")]
    private partial void LogOutcome(string invoiceId, string accountId, string outcome);
}
