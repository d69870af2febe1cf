using System.Text.Json;

namespace Billing.Core.Events;

/// <summary>
/// A fact published to other systems (Service Bus topic <c>billing-events</c>, or <c>events.jsonl</c>
/// locally). <see cref="Id"/> is deterministic (type + subject), so a replay publishes the same id and
/// duplicate detection drops it.
/// </summary>
public sealed record IntegrationEvent(string Id, string Type, string AccountId, DateTimeOffset OccurredAt, JsonElement Data)
{
    public static IntegrationEvent Create<T>(string type, string subjectId, string accountId, DateTimeOffset occurredAt, T data) =>
        new($"{type}:{subjectId}", type, accountId, occurredAt, JsonSerializer.SerializeToElement(data, Serialization.BillingJson.Options));
}
