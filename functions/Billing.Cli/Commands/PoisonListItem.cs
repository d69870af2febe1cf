using LocalPoison = Billing.Local.Messaging.PoisonMessage;
using StoragePoison = Billing.Azure.Storage.PoisonMessage;

namespace Billing.Cli.Commands;

/// <summary>
/// One poisoned message as <c>billing poison list --json</c> prints it, from either backend: the local poison table
/// keeps the last error and when it was poisoned; an Azure poison queue keeps when the message was inserted and no error.
/// </summary>
public sealed record PoisonListItem(string Queue, string Id, long DequeueCount, DateTimeOffset? PoisonedAt, string? Error, string Body)
{
    public static PoisonListItem From(LocalPoison message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.QueueName, message.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), message.DequeueCount, message.PoisonedAt, message.Error, message.Json);
    }

    public static PoisonListItem From(string queue, StoragePoison message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(queue, message.MessageId, message.DequeueCount, message.InsertedOn, null, message.Body);
    }
}
