namespace Billing.Core.Email;

/// <summary>
/// An email to send. <see cref="MessageId"/> is deterministic (what it is about + which notice), so the
/// sender and its receipts can recognise a retry. <see cref="TemplateId"/> with <see cref="TemplateData"/>
/// selects a provider-side template (SendGrid dynamic templates); the bodies are always rendered too.
/// </summary>
public sealed record EmailMessage
{
    public required string MessageId { get; init; }

    public required EmailAddress From { get; init; }

    public required IReadOnlyList<EmailAddress> To { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public string? HtmlBody { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>Key/value pairs carried with the message (SendGrid custom_args, X- headers in .eml).</summary>
    public IReadOnlyDictionary<string, string> CustomArgs { get; init; } = new Dictionary<string, string>();

    public string? TemplateId { get; init; }

    public IReadOnlyDictionary<string, object?>? TemplateData { get; init; }
}

public sealed record EmailAddress(string Address, string? Name = null);

public sealed record EmailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
