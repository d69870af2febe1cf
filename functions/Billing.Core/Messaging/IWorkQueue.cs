namespace Billing.Core.Messaging;

/// <summary>
/// The internal work queues that fan work out (Storage queues in Azure, in-process locally). Delivery is
/// at least once: every handler tolerates a message twice.
/// </summary>
public interface IWorkQueue
{
    Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default);
}
