namespace Billing.Core.Dunning;

/// <summary>The payload of the <c>DunningNoticeSent</c> event (one per notice; event id <c>DunningNoticeSent:{notice id}</c>).</summary>
public sealed record DunningNoticeSent(
    string NoticeId, string InvoiceId, string InvoiceNumber, string AccountId, int Stage, string Template, DunningAction Action, string MessageId, DateTimeOffset SentAt);

/// <summary>The payload of the <c>InvoiceUncollectible</c> event: the invoice was handed over to collections.</summary>
public sealed record InvoiceUncollectible(string InvoiceId, string InvoiceNumber, string AccountId, string Currency, string AmountDue, string NoticeId);
