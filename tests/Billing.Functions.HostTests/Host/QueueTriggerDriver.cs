using Azure.Storage.Queues;
using Billing.Functions.HostTests.Rpc;

namespace Billing.Functions.HostTests.Host;

/// <summary>
/// What the host's queue listener does for one queue-triggered function, in the foreground: receive the messages of the
/// function's queue (its <c>%SETTING%</c> resolved from the app settings), invoke the function with each, delete the
/// message after a successful invocation, and after <see cref="MaxDequeueCount"/> failed ones move it to
/// <c>{queue}-poison</c>. Unlike the host it makes a failed message visible again at once (the host waits
/// <c>visibilityTimeout</c>), so a test does not wait 30 s per retry.
/// </summary>
public sealed class QueueTriggerDriver(FunctionsTestHost host, string functionName, string storageConnection, int maxDequeueCount)
{
    public int MaxDequeueCount => maxDequeueCount;

    public LoadedFunction Function => host.Function(functionName);

    public QueueClient Queue => Client(host.Resolve(Function.TriggerProperty("queueName")!));

    /// <summary>Every invocation made, in order.</summary>
    public List<InvocationResponse> Invocations { get; } = [];

    /// <summary>Invokes the function until its queue is empty (or <paramref name="maxInvocations"/> is reached); returns the invocations of this run.</summary>
    public async Task<IReadOnlyList<InvocationResponse>> DrainAsync(int maxInvocations = 200)
    {
        var queue = Queue;
        var run = new List<InvocationResponse>();
        while (run.Count < maxInvocations)
        {
            var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(2))).Value;
            if (messages.Length == 0)
            {
                return run;
            }

            foreach (var message in messages)
            {
                var (trigger, metadata) = TriggerPayloads.Queue(message);
                var response = await host.InvokeAsync(Function, trigger, metadata);
                run.Add(response);
                Invocations.Add(response);
                if (response.Result.Status == StatusResult.Types.Status.Success)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                else if (message.DequeueCount >= maxDequeueCount)
                {
                    var poison = Client(queue.Name + "-poison");
                    await poison.CreateIfNotExistsAsync();
                    await poison.SendMessageAsync(message.Body);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                else
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                }
            }
        }

        return run;
    }

    private QueueClient Client(string name) => new(storageConnection, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
