namespace Billing.Local.Messaging;

/// <summary>A message that failed every attempt, kept with the last error for someone to look at.</summary>
public sealed record PoisonMessage(long Sequence, string QueueName, string Json, int DequeueCount, string Error, DateTimeOffset PoisonedAt);
