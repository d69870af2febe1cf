using Billing.Cli.Output;

namespace Billing.Cli;

/// <summary>The <c>billing</c> executable: everything happens in <see cref="BillingCli"/>.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => BillingCli.RunAsync(args, CliConsole.FromSystemConsole());
}
