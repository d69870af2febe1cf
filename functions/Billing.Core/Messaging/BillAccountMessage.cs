namespace Billing.Core.Messaging;

/// <summary>Bill <see cref="AccountId"/> for everything due up to <see cref="BillingDate"/>.</summary>
public sealed record BillAccountMessage(string AccountId, DateOnly BillingDate);
