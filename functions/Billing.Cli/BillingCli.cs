using System.CommandLine;
using System.Text.Json;
using Billing.BankFiles;
using Billing.Cli.Commands;
using Billing.Cli.Output;
using Billing.Core.Accounts;
using Microsoft.Extensions.Options;

namespace Billing.Cli;

/// <summary>
/// Parses the command line, runs the command and turns every outcome into an exit code: 0 on success; 2 and
/// one line <c>billing: error: …</c> on stderr for wrong input (unknown command or option, bad value, missing
/// or malformed file); 1 and one line for anything unexpected, with the stack trace only under
/// <c>--verbose</c> or <c>BILLING_DEBUG=1</c>.
/// </summary>
public static class BillingCli
{
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, TimeProvider.System, cancellationToken);

    /// <summary>Runs the command line with <paramref name="clock"/> as "today" (tests pass a fixed clock).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(clock);
        var globals = new GlobalOptions();
        var root = CreateRootCommand(globals, console, clock);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // "Unrecognized command or argument" says more than the "required command" error it causes.
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            return Fail(console, ExitCodes.Usage, error.Message);
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (Exception e) when (IsUsageError(e))
        {
            return Fail(console, ExitCodes.Usage, MessageOf(e));
        }
        catch (Exception e)
        {
            var debug = parse.GetValue(globals.Verbose) || Environment.GetEnvironmentVariable("BILLING_DEBUG") == "1";
            return Fail(console, ExitCodes.Failure, $"{AzureFailureDescription.Describe(e) ?? MessageOf(e)}{(debug ? "" : " (run with --verbose for details)")}", debug ? e : null);
        }
    }

    /// <summary>The command tree; each command lives in its own class under <c>Commands/</c>.</summary>
    public static RootCommand CreateRootCommand(GlobalOptions globals, CliConsole console, TimeProvider? clock = null)
    {
        var root = new RootCommand("billing: the BillingFunctions pipeline on one machine (SQLite + folders), or against Azure.");
        globals.AddTo(root);
        var context = new CliContext(globals, console, clock ?? TimeProvider.System);
        root.Add(DemoCommand.Create(context));
        root.Add(RunCommand.Create(context));
        root.Add(InvoicesCommand.Create(context));
        root.Add(AccountsCommand.Create(context));
        root.Add(BankFileCommand.Create(context));
        root.Add(IngestCommand.Create(context));
        root.Add(SuspenseCommand.Create(context));
        root.Add(DunningCommand.Create(context));
        root.Add(ReportCommand.Create(context));
        root.Add(PoisonCommand.Create(context));
        root.Add(CreditCommand.Create(context));
        root.Add(EventsCommand.Create(context));
        root.Add(SimulateCommand.Create(context));
        return root;
    }

    private static bool IsUsageError(Exception e) => e is CliUsageException or AccountImportException or BankFileFormatException
        or OptionsValidationException or FileNotFoundException or DirectoryNotFoundException or JsonException;

    private static string MessageOf(Exception e)
    {
        var message = e is OptionsValidationException options
            ? $"the settings are incomplete ({string.Join("; ", options.Failures)}); run 'billing demo' or edit settings.json in the data folder"
            : e.Message;
        return message.ReplaceLineEndings(" ");
    }

    private static int Fail(CliConsole console, int exitCode, string message, Exception? detail = null)
    {
        console.Error.WriteLine($"billing: error: {string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
        if (detail is not null)
        {
            console.Error.WriteLine(detail.ToString());
        }

        return exitCode;
    }
}
