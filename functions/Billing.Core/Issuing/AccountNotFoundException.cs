namespace Billing.Core.Issuing;

/// <summary>A message or command named an account that does not exist.</summary>
public sealed class AccountNotFoundException(string accountId) : Exception($"Account '{accountId}' does not exist.")
{
    public string AccountId { get; } = accountId;
}
