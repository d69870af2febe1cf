using System.CommandLine;
using Billing.Cli.Hosting;

namespace Billing.Cli;

/// <summary>The options every command takes: <c>--data</c>, <c>--backend</c>, <c>--verbose</c>.</summary>
public sealed class GlobalOptions
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "The data folder of the local backend (env BILLING_DATA; default ./.billing)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BILLING_DATA") is { Length: > 0 } fromEnvironment ? fromEnvironment : ".billing",
    };

    public Option<BillingBackend> Backend { get; } = new("--backend")
    {
        Description = "Where the data lives: local (SQLite + folders) or azure (Cosmos DB, Blob Storage, queues)",
        Recursive = true,
        DefaultValueFactory = _ => BillingBackend.Local,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Enum.TryParse<BillingBackend>(token, ignoreCase: true, out var backend) && Enum.IsDefined(backend) && !int.TryParse(token, out _))
            {
                return backend;
            }

            result.AddError($"'{token}' is not a backend: expected local or azure");
            return BillingBackend.Local;
        },
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log progress to stderr and print the stack trace of unexpected failures (also BILLING_DEBUG=1)",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Add(Data);
        root.Add(Backend);
        root.Add(Verbose);
    }

    /// <summary>The host settings these options select.</summary>
    public CliHostOptions HostOptions(ParseResult parse, DataFolderAccess access = DataFolderAccess.Write)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new CliHostOptions(parse.GetRequiredValue(Data), parse.GetValue(Backend), parse.GetValue(Verbose)) { Access = access };
    }
}
