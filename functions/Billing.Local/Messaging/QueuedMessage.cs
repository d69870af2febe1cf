namespace Billing.Local.Messaging;

/// <summary>A claimed message: its place in the queue, its JSON, and how many times it has been handed out (this one included).</summary>
public sealed record QueuedMessage(long Sequence, string QueueName, string Json, int DequeueCount);
