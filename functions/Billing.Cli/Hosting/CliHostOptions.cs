namespace Billing.Cli.Hosting;

/// <summary>What <see cref="CliHost"/> builds: the data folder, the backend, whether to log, and what the command may do to the folder.</summary>
public sealed record CliHostOptions(string DataDirectory, BillingBackend Backend = BillingBackend.Local, bool Verbose = false)
{
    public DataFolderAccess Access { get; init; } = DataFolderAccess.Write;
}
