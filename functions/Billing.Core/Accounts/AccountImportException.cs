namespace Billing.Core.Accounts;

/// <summary>An import file was rejected; the message names the element and what was expected. Nothing was written.</summary>
public sealed class AccountImportException(string message, Exception? inner = null) : Exception(message, inner);
