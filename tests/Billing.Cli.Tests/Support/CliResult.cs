namespace Billing.Cli.Tests.Support;

/// <summary>What one in-process run of <c>billing</c> did: exit code, stdout, stderr.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
