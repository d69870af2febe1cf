using Billing.Core.Email;

namespace Billing.Local.Memory;

/// <summary>
/// An <see cref="IEmailSender"/> that accepts every message and delivers none, for capacity simulations: it counts what
/// it was given (<see cref="Sent"/>, <see cref="Bytes"/> of bodies and attachments) and answers the message's own id.
/// </summary>
public sealed class NullEmailSender : IEmailSender
{
    private long _sent;
    private long _bytes;

    public long Sent => Interlocked.Read(ref _sent);

    public long Bytes => Interlocked.Read(ref _bytes);

    public Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _sent);
        Interlocked.Add(ref _bytes, message.TextBody.Length + (message.HtmlBody?.Length ?? 0) + message.Attachments.Sum(a => (long)a.Content.Length));
        return Task.FromResult(message.MessageId);
    }
}
