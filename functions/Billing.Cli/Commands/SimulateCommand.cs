using System.CommandLine;
using Billing.Cli.Simulation;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing simulate [--accounts N] [--latency MS] [--workers N] [--seed S]</c>: capacity planning. Runs a billing
/// day, an ingestion and a dunning run through the real use cases over an in-memory store whose every operation takes
/// <c>--latency</c> ms (a Cosmos DB round trip is about 5), with <c>--workers</c> concurrent queue workers (one Functions
/// instance: 24), and prints each phase's throughput, its store operations per item by kind, give-ups and poisoned
/// messages (<see cref="CapacitySimulation"/>). Touches no data folder and no cloud. Exit 1 when a message was poisoned.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Accounts at most: everything is held in memory (about 20 KB per account with its invoice, PDF and UBL).</summary>
    public const int MaxAccounts = 100_000;

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accounts = IntOption.Create("--accounts", "How many accounts to bill (all due on the simulated day)", 1_000, min: 1, max: MaxAccounts);
        var latency = IntOption.Create("--latency", "Milliseconds every store operation takes (a Cosmos DB round trip: about 5)", 5, min: 0, max: 1_000);
        var workers = IntOption.Create("--workers", "Queue messages handled at once (one Functions instance: 24 = batchSize 16 + newBatchThreshold 8)", 24, min: 1, max: 4_096);
        var seed = IntOption.Create("--seed", "Seed of the generated accounts and of who pays", 42);
        var command = new Command("simulate", "Plan capacity: bill, ingest and dun in memory with a chosen store latency and number of workers") { accounts, latency, workers, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            context.RequireLocal(parse, "simulate");
            var options = new CapacityOptions(parse.GetValue(accounts), TimeSpan.FromMilliseconds(parse.GetValue(latency)), parse.GetValue(workers), parse.GetValue(seed));
            var report = await CapacitySimulation.RunAsync(options, cancellationToken);
            report.Print(context.Console);
            return report.Poisoned > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
