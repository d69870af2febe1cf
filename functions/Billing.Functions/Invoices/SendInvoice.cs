using Billing.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Invoices;

/// <summary>
/// Emails one issued invoice (a <see cref="SendInvoiceMessage"/> from the send-invoice queue); bad messages throw (→ poison
/// queue). When another worker holds a live claim on the invoice, the message is enqueued again, visible when that claim's
/// lease ends, and this one completes: a claim never fails a message.
/// </summary>
public sealed partial class SendInvoice(SendInvoiceMessageHandler handler, ILogger<SendInvoice> logger)
{
    [Function(nameof(SendInvoice))]
    public async Task RunAsync([QueueTrigger("%SEND_INVOICE_QUEUE%")] string message, CancellationToken cancellationToken)
    {
        var (request, outcome) = await handler.HandleAsync(message, cancellationToken);
        LogOutcome(request.InvoiceId, request.AccountId, outcome.GetType().Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceId} of account {AccountId}: {Outcome}")]
    private partial void LogOutcome(string invoiceId, string accountId, string outcome);
}
