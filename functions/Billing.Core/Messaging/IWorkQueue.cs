namespace Billing.Core.Messaging;

/// <summary>
/// The internal work queues that fan work out (Storage queues in Azure, in-process locally). Delivery is
/// at least once: every handler tolerates a message twice.
/// </summary>
public interface IWorkQueue
{
    Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enqueues a message that becomes visible only after <paramref name="visibilityDelay"/> (a Storage queue's initial
    /// visibility delay): how a handler says "not now, come back then" without failing the message it handles.
    /// </summary>
    Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default);
}
