using System.Globalization;
using Billing.Cli.Output;
using Billing.Local.Memory;

namespace Billing.Cli.Simulation;

/// <summary>What <c>billing simulate</c> measured: each phase's throughput and store operations per item by kind, the
/// messages that gave up on a contended document (<c>ContentionException</c>), every failed attempt, and the poisoned.</summary>
public sealed record CapacityReport(CapacityOptions Options, IReadOnlyList<CapacityPhase> Phases)
{
    public int GiveUps { get; init; }

    public int FailedAttempts { get; init; }

    public int Poisoned { get; init; }

    /// <summary>The first poisoned message's queue and error, if any.</summary>
    public string? FirstPoison { get; init; }

    /// <summary>Dunning emails sent (one per account and run, listing its overdue invoices).</summary>
    public long DunningEmails { get; init; }

    /// <summary>The average size of an issued invoice document, as stored (JSON bytes): what its reads and writes cost in
    /// Cosmos DB depends on it.</summary>
    public int InvoiceBytes { get; init; }

    public void Print(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var c = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(c,
            $"Simulated {Options.Accounts:N0} accounts with {Options.Workers} concurrent queue workers, {Options.Latency.TotalMilliseconds:0.###} ms per store operation (seed {Options.Seed}), in memory"));
        console.WriteLine("phase      items                time      throughput          store operations per item: total (point reads / query pages / creates / replaces / deletes; conflicts)");
        foreach (var phase in Phases)
        {
            console.WriteLine(string.Create(c,
                $"{phase.Name,-10} {phase.Items,9:N0} {phase.Unit,-10} {phase.Elapsed.TotalSeconds,7:0.0} s  {phase.Throughput,9:0.0} {phase.Unit}/s  "
                + $"{phase.OperationsPerItem:0.0} ({phase.PerItem(StoreOperation.Read):0.0} / {phase.PerItem(StoreOperation.QueryPage):0.0} / "
                + $"{phase.PerItem(StoreOperation.Create):0.0} / {phase.PerItem(StoreOperation.Replace):0.0} / {phase.PerItem(StoreOperation.Delete):0.0}; "
                + $"{phase.PerItem(StoreOperation.Conflict):0.00})"));
        }

        console.WriteLine(string.Create(c, $"dunning emails: {DunningEmails:N0}; average invoice document: {InvoiceBytes:N0} bytes"));
        console.WriteLine(string.Create(c, $"give-ups (ContentionException): {GiveUps:N0}; failed attempts: {FailedAttempts:N0}; poisoned: {Poisoned:N0}"));
        if (FirstPoison is { } poison)
        {
            console.WriteLine($"first poisoned: {poison}");
        }
    }
}
