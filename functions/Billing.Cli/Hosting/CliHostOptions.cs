namespace Billing.Cli.Hosting;

/// <summary>What <see cref="CliHost"/> builds: the data folder, the backend, whether to log.</summary>
public sealed record CliHostOptions(string DataDirectory, BillingBackend Backend = BillingBackend.Local, bool Verbose = false);
