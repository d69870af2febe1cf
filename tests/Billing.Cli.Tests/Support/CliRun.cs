using Billing.Cli.Output;

namespace Billing.Cli.Tests.Support;

/// <summary>Runs the CLI in this process, as <c>Program.Main</c> would, with captured output.</summary>
public static class CliRun
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BillingCli.RunAsync(args, CliConsole.Captured(output, error));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "billing-cli-tests", Guid.NewGuid().ToString("N"));

    public static string ExampleFile(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);
}
