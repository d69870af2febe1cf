using Billing.Cli.Output;

namespace Billing.Cli.Tests.Support;

/// <summary>
/// Runs the CLI in this process, as <c>Program.Main</c> would, with captured output and a fixed "today"
/// (<see cref="Today"/>, after the demo's months), so rules relative to today give the same answer every day.
/// </summary>
public static class CliRun
{
    public static readonly DateOnly Today = new(2026, 4, 1);

    public static Task<CliResult> RunAsync(params string[] args) => RunOnAsync(Today, args);

    /// <summary>Runs the CLI as if today were <paramref name="today"/>.</summary>
    public static async Task<CliResult> RunOnAsync(DateOnly today, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BillingCli.RunAsync(args, CliConsole.Captured(output, error), new FixedClock(today));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "billing-cli-tests", Guid.NewGuid().ToString("N"));

    public static string ExampleFile(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);
}
