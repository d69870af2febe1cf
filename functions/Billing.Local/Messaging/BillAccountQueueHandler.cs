using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Billing.Local.Messaging;

/// <summary>The <c>bill-account</c> queue: bills the account up to the message's billing date.</summary>
public sealed class BillAccountQueueHandler(AccountBiller biller, IOptions<QueueOptions> queues) : ILocalQueueHandler
{
    public string QueueName => queues.Value.BillAccount;

    public async Task HandleAsync(string messageJson, CancellationToken cancellationToken)
    {
        var message = QueueMessageParser.BillAccount(messageJson);
        await biller.BillAsync(message.AccountId, message.BillingDate, cancellationToken);
    }
}
