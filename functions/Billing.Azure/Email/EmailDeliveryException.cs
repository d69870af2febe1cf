namespace Billing.Azure.Email;

/// <summary>The email provider refused a message (any answer but 2xx); carries its status and body.</summary>
public sealed class EmailDeliveryException(string messageId, int statusCode, string responseBody)
    : Exception($"SendGrid refused message {messageId}: HTTP {statusCode}: {responseBody}")
{
    public string MessageId { get; } = messageId;

    public int StatusCode { get; } = statusCode;

    public string ResponseBody { get; } = responseBody;
}
