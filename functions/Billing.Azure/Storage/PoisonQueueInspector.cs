using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Billing.Azure.Storage;

/// <summary>
/// Looks into the poison queues the Functions host fills (<c>&lt;queue&gt;-poison</c>, after maxDequeueCount
/// failed attempts) and moves messages back to their queue once the cause is fixed. Messages are copied
/// verbatim (no re-encoding), sent to the main queue before they are deleted from the poison queue, so a
/// crash in between duplicates a message rather than losing it (handlers are idempotent). Give it a client
/// without message encoding (<c>AddAzureBilling</c> does) so even a body that is not Base64 can be listed and moved.
/// </summary>
public sealed class PoisonQueueInspector(QueueServiceClient service)
{
    /// <summary>The most messages one peek returns (a Storage queue limit).</summary>
    public const int MaxPeek = 32;

    public static string PoisonQueueOf(string queueName) => $"{queueName}-poison";

    /// <summary>Up to <paramref name="maxMessages"/> (≤ 32) messages of the poison queue, oldest first, without removing them.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> ListAsync(string queueName, int maxMessages = MaxPeek, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var poison = Raw(PoisonQueueOf(queueName));
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return [];
        }

        PeekedMessage[] peeked = await poison.PeekMessagesAsync(Math.Min(maxMessages, MaxPeek), cancellationToken);
        return peeked.Select(m => new PoisonMessage(m.MessageId, m.InsertedOn, m.DequeueCount, Decode(m.Body.ToString()))).ToList();
    }

    /// <summary>Moves up to <paramref name="maxMessages"/> messages from the poison queue back to <paramref name="queueName"/>; returns how many moved.</summary>
    public async Task<int> ReplayAsync(string queueName, int maxMessages = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var poison = Raw(PoisonQueueOf(queueName));
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var target = Raw(queueName);
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var moved = 0;
        while (moved < maxMessages)
        {
            QueueMessage[] batch = await poison.ReceiveMessagesAsync(Math.Min(maxMessages - moved, MaxPeek), TimeSpan.FromMinutes(1), cancellationToken);
            if (batch.Length == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }

        return moved;
    }

    private QueueClient Raw(string name) => service.GetQueueClient(name);

    private static string Decode(string body)
    {
        var buffer = new byte[body.Length];
        return Convert.TryFromBase64String(body, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : body;
    }
}

/// <summary>A message that failed too often, as found in a poison queue (its <see cref="Body"/> decoded from Base64 when it is).</summary>
public sealed record PoisonMessage(string MessageId, DateTimeOffset? InsertedOn, long DequeueCount, string Body);
