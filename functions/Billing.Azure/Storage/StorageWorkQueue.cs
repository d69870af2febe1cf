using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Billing.Core.Messaging;
using Billing.Core.Serialization;

namespace Billing.Azure.Storage;

/// <summary>
/// <see cref="IWorkQueue"/> on Azure Storage queues. A message is its JSON (<see cref="BillingJson"/>),
/// Base64-encoded: the Functions queue trigger decodes Base64 by default, and a message that is not Base64
/// never reaches the function. Queues are created on first use.
/// </summary>
public sealed class StorageWorkQueue(QueueServiceClient service) : IWorkQueue
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    public async Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var queue = await QueueAsync(queueName).WaitAsync(cancellationToken);
        await queue.SendMessageAsync(BillingJson.Serialize(message), cancellationToken);
    }

    public async Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var queue = await QueueAsync(queueName).WaitAsync(cancellationToken);
        // A Storage queue hides a message for at most 7 days.
        var delay = visibilityDelay < TimeSpan.Zero ? TimeSpan.Zero : visibilityDelay > TimeSpan.FromDays(7) ? TimeSpan.FromDays(7) : visibilityDelay;
        await queue.SendMessageAsync(BillingJson.Serialize(message), delay, null, cancellationToken);
    }

    private Task<QueueClient> QueueAsync(string name)
    {
        var lazy = _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = service.GetQueueClient(n);
            await client.CreateIfNotExistsAsync();
            return client;
        }));
        if (lazy.Value.IsFaulted)
        {
            _queues.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(name, lazy));
        }

        return lazy.Value;
    }
}
