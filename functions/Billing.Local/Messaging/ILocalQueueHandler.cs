namespace Billing.Local.Messaging;

/// <summary>
/// Handles the messages of one local queue: the local counterpart of a queue-triggered function. Register
/// one with <c>services.AddLocalQueueHandler&lt;T&gt;()</c> and <see cref="LocalQueueRunner"/> drains its queue.
/// A handler may see a message more than once; throwing makes the runner retry it, and poison it after
/// <see cref="InProcessWorkQueue.MaxDequeueCount"/> attempts.
/// </summary>
public interface ILocalQueueHandler
{
    /// <summary>The queue this handler drains (from <c>QueueOptions</c>, so it follows the same settings as Azure).</summary>
    string QueueName { get; }

    Task HandleAsync(string messageJson, CancellationToken cancellationToken);
}
