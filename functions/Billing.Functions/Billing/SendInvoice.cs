using Billing.Core.Billing;
using Billing.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Billing;

/// <summary>Emails one issued invoice (a <see cref="SendInvoiceMessage"/> from the send-invoice queue); bad messages throw (→ poison queue).</summary>
public sealed partial class SendInvoice(InvoiceMailer mailer, ILogger<SendInvoice> logger)
{
    [Function(nameof(SendInvoice))]
    public async Task RunAsync([QueueTrigger("%SEND_INVOICE_QUEUE%")] string message, CancellationToken cancellationToken)
    {
        var request = QueueMessageParser.SendInvoice(message);
        var sent = await mailer.SendAsync(request.AccountId, request.InvoiceId, cancellationToken);
        LogOutcome(request.InvoiceId, request.AccountId, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceId} of account {AccountId}: sent now {Sent}")]
    private partial void LogOutcome(string invoiceId, string accountId, bool sent);
}
