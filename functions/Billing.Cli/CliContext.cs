using System.CommandLine;
using Billing.Cli.Hosting;
using Billing.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli;

/// <summary>What every command needs: the global options, the console, the clock, and the composition root.</summary>
public sealed class CliContext(GlobalOptions globals, CliConsole console, TimeProvider clock)
{
    public GlobalOptions Globals { get; } = globals;

    public CliConsole Console { get; } = console;

    /// <summary>The clock "today" comes from (the system clock, or a test's).</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>Today in UTC, by <see cref="Clock"/>: the default of every <c>--at</c>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The service provider of the data folder and backend the command line selects. The folder must exist unless
    /// <paramref name="access"/> is <see cref="DataFolderAccess.Create"/>; with <see cref="DataFolderAccess.Read"/> it is opened read-only.
    /// </summary>
    public ServiceProvider BuildServices(ParseResult parse, TimeProvider? time = null, Action<IServiceCollection>? configure = null, DataFolderAccess access = DataFolderAccess.Write) =>
        CliHost.Build(Globals.HostOptions(parse, access), time ?? Clock, configure);

    /// <summary>Fails with a usage error unless the command line selects the local backend.</summary>
    public void RequireLocal(ParseResult parse, string command)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(Globals.Backend) != BillingBackend.Local)
        {
            throw new CliUsageException($"'{command}' is not available with --backend azure: it runs the pipeline in this process (use --backend local; on Azure the Functions app does this work)");
        }
    }
}
