namespace Billing.Core.Billing;

/// <summary>Another worker claimed this email a moment ago; the message should be retried later.</summary>
public sealed class SendInProgressException(string subjectId)
    : Exception($"The email for {subjectId} is being sent by another worker; retry later.")
{
    public string SubjectId { get; } = subjectId;
}
