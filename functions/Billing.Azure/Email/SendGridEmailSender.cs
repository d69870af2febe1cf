using Billing.Core.Email;
using SendGrid;
using SendGrid.Helpers.Mail;
using SendGridAddress = SendGrid.Helpers.Mail.EmailAddress;

namespace Billing.Azure.Email;

/// <summary>
/// <see cref="IEmailSender"/> through SendGrid's v3 mail send API, for invoices and dunning notices alike.
/// The message's id and custom args travel as <c>custom_args</c> (they come back on every event webhook);
/// when the message names a dynamic template, SendGrid renders it with the template data, and the rendered
/// bodies go along as the fallback content. Returns SendGrid's <c>X-Message-Id</c>.
/// </summary>
public sealed class SendGridEmailSender(ISendGridClient client) : IEmailSender
{
    /// <summary>The custom_args key that carries <see cref="EmailMessage.MessageId"/>.</summary>
    public const string MessageIdArg = "messageId";

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var response = await client.SendEmailAsync(ToSendGrid(message), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            throw new EmailDeliveryException(message.MessageId, (int)response.StatusCode, body);
        }

        return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : message.MessageId;
    }

    public static SendGridMessage ToSendGrid(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = new SendGridMessage
        {
            From = new SendGridAddress(message.From.Address, message.From.Name),
            Subject = message.Subject,
            PlainTextContent = message.TextBody,
            HtmlContent = message.HtmlBody,
            CustomArgs = new Dictionary<string, string>(message.CustomArgs) { [MessageIdArg] = message.MessageId },
        };
        mail.AddTos(message.To.Select(to => new SendGridAddress(to.Address, to.Name)).ToList());
        foreach (var attachment in message.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content.Span), attachment.ContentType);
        }

        if (message.TemplateId is { } templateId)
        {
            mail.SetTemplateId(templateId);
            mail.SetTemplateData(message.TemplateData ?? new Dictionary<string, object?>());
        }

        return mail;
    }
}
