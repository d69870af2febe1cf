using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Invoices;

/// <summary>
/// Bills one account (a <see cref="BillAccountMessage"/> from the bill-account queue). A message that
/// <see cref="QueueMessageParser"/> rejects throws, so after maxDequeueCount attempts it lands in the poison queue.
/// </summary>
public sealed partial class BillAccount(AccountBiller biller, ILogger<BillAccount> logger)
{
    [Function(nameof(BillAccount))]
    public async Task RunAsync([QueueTrigger("%BILL_ACCOUNT_QUEUE%")] string message, CancellationToken cancellationToken)
    {
        var request = QueueMessageParser.BillAccount(message);
        LogBilling(request.AccountId, request.BillingDate);
        var invoices = await biller.BillAsync(request.AccountId, request.BillingDate, cancellationToken);
        LogBilled(request.AccountId, invoices.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Billing account {AccountId} up to {BillingDate}")]
    private partial void LogBilling(string accountId, DateOnly billingDate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} billed: {InvoiceCount} invoices issued")]
    private partial void LogBilled(string accountId, int invoiceCount);
}
