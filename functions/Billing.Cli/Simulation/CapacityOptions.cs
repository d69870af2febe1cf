namespace Billing.Cli.Simulation;

/// <summary>What <c>billing simulate</c> runs: how many accounts, how long each store operation takes, how many queue
/// workers handle messages at once, and the seed of the generated accounts and payments.</summary>
public sealed record CapacityOptions(int Accounts, TimeSpan Latency, int Workers, int Seed);
