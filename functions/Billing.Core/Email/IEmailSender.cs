namespace Billing.Core.Email;

/// <summary>Sends email (SendGrid in Azure, .eml files in the outbox locally).</summary>
public interface IEmailSender
{
    /// <summary>Sends the message; returns the provider's message id (or the outbox file name).</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
