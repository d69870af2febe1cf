using System.CommandLine;
using Billing.Cli.Hosting;
using Billing.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli;

/// <summary>What every command needs: the global options, the console, and the composition root.</summary>
public sealed class CliContext(GlobalOptions globals, CliConsole console)
{
    public GlobalOptions Globals { get; } = globals;

    public CliConsole Console { get; } = console;

    /// <summary>The service provider of the data folder and backend the command line selects.</summary>
    public ServiceProvider BuildServices(ParseResult parse, TimeProvider? time = null, Action<IServiceCollection>? configure = null) =>
        CliHost.Build(Globals.HostOptions(parse), time, configure);

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
