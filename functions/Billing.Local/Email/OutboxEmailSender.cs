using System.Text;
using Billing.Core.Email;
using MimeKit;

namespace Billing.Local.Email;

/// <summary>
/// <see cref="IEmailSender"/> that writes each message as an RFC 5322 file <c>outbox/{messageId}.eml</c>
/// (text and HTML bodies, the attachments, <see cref="EmailMessage.CustomArgs"/> as <c>X-Billing-*</c>
/// headers, a <c>Message-ID</c> derived from <see cref="EmailMessage.MessageId"/>). A message id is written
/// at most once: the file is moved into place without overwrite, so a second send of the same id writes
/// nothing and returns the same id. That is what makes "an invoice is emailed once" hold locally.
/// </summary>
public sealed class OutboxEmailSender : IEmailSender
{
    private readonly string _outbox;
    private readonly string _temp;
    private readonly TimeProvider _time;

    public OutboxEmailSender(LocalDataDirectory data, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(data);
        _outbox = data.Outbox;
        _temp = Path.Combine(_outbox, ".tmp");
        _time = time;
        Directory.CreateDirectory(_temp);
    }

    /// <summary>The file the message of <paramref name="messageId"/> is written to.</summary>
    public string FileOf(string messageId) => Path.Combine(_outbox, FileNameOf(messageId));

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = FileOf(message.MessageId);
        if (File.Exists(target))
        {
            return message.MessageId;
        }

        using var mime = ToMime(message);
        var temp = Path.Combine(_temp, $"{Guid.NewGuid():N}.eml");
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            await mime.WriteToAsync(file, cancellationToken);
        }

        try
        {
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temp);
        }

        return message.MessageId;
    }

    private MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{FileNameOf(message.MessageId)[..^4]}@billing.local",
            Subject = message.Subject,
            Date = _time.GetUtcNow(),
        };
        mime.From.Add(new MailboxAddress(message.From.Name, message.From.Address));
        mime.To.AddRange(message.To.Select(to => new MailboxAddress(to.Name, to.Address)));
        foreach (var (name, value) in message.CustomArgs.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            mime.Headers.Add($"X-Billing-{HeaderName(name)}", value);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>invoiceId → InvoiceId: custom args are camelCase, header names conventionally capitalised.</summary>
    private static string HeaderName(string key)
    {
        var clean = new string(key.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return clean.Length == 0 ? "Arg" : char.ToUpperInvariant(clean[0]) + clean[1..];
    }

    private static string FileNameOf(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var name = new StringBuilder(messageId.Length + 4);
        foreach (var c in messageId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return name.Append(".eml").ToString().TrimStart('.');
    }
}
