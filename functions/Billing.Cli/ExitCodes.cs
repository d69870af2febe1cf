namespace Billing.Cli;

/// <summary>The process exit codes of <c>billing</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something unexpected failed (a bug, or the environment).</summary>
    public const int Failure = 1;

    /// <summary>Wrong input: unknown command or option, bad value, missing or malformed file.</summary>
    public const int Usage = 2;
}
