namespace Billing.Cli;

/// <summary>The user asked for something that cannot be done as asked (bad option value, missing file): exit code 2, one line.</summary>
public sealed class CliUsageException(string message, Exception? inner = null) : Exception(message, inner);
