using Billing.Core.Messaging;
using Billing.Core.Serialization;

namespace Billing.Testing.Contracts;

/// <summary>What every <see cref="IWorkQueue"/> must do: a message arrives at its consumer as the JSON the trigger parses.</summary>
public abstract class WorkQueueContract
{
    protected abstract IWorkQueue Queue { get; }

    /// <summary>A queue name no other test uses.</summary>
    protected abstract string NewQueueName();

    /// <summary>The next message of the queue as the trigger binds it (a string), or null when the queue is empty.</summary>
    protected abstract Task<string?> ReceiveAsTriggerAsync(string queueName);

    [ContractFact]
    public async Task Enqueue_ThenReceive_GivesTheJsonTheTriggerParses()
    {
        var queue = NewQueueName();
        var message = new BillAccountMessage("acc-ü-1", new DateOnly(2026, 3, 31));

        await Queue.EnqueueAsync(queue, message);
        var received = await ReceiveAsTriggerAsync(queue);

        Assert.NotNull(received);
        Assert.Equal(message, BillingJson.Deserialize<BillAccountMessage>(received));
        Assert.Contains("\"billingDate\":\"2026-03-31\"", received, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task Enqueue_KeepsEveryMessage()
    {
        var queue = NewQueueName();
        await Queue.EnqueueAsync(queue, new SendInvoiceMessage("acc-1", "inv-1"));
        await Queue.EnqueueAsync(queue, new SendInvoiceMessage("acc-1", "inv-2"));

        var first = await ReceiveAsTriggerAsync(queue);
        var second = await ReceiveAsTriggerAsync(queue);

        var ids = new[] { first, second }.Select(m => BillingJson.Deserialize<SendInvoiceMessage>(m!).InvoiceId).Order(StringComparer.Ordinal);
        Assert.Equal(["inv-1", "inv-2"], ids);
        Assert.Null(await ReceiveAsTriggerAsync(queue));
    }
}
