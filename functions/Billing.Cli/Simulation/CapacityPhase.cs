using Billing.Local.Memory;

namespace Billing.Cli.Simulation;

/// <summary>
/// One measured phase of <c>billing simulate</c>: how many items it produced (invoices, entries, notices), how long it
/// took (wall clock), and the store operations it made by kind (<see cref="LatentDocumentStore"/>'s counts).
/// </summary>
public sealed record CapacityPhase(string Name, string Unit, int Items, TimeSpan Elapsed, IReadOnlyDictionary<StoreOperation, long> Operations)
{
    /// <summary>Items per second (0 when nothing was produced).</summary>
    public double Throughput => Items == 0 || Elapsed <= TimeSpan.Zero ? 0 : Items / Elapsed.TotalSeconds;

    /// <summary>Round trips of every kind (conflicts are replaces already counted).</summary>
    public long TotalOperations => Operations.Where(o => o.Key != StoreOperation.Conflict).Sum(o => o.Value);

    /// <summary>Operations of <paramref name="kind"/> per item (0 when nothing was produced).</summary>
    public double PerItem(StoreOperation kind) => Items == 0 ? 0 : Operations.GetValueOrDefault(kind) / (double)Items;

    /// <summary>Round trips of every kind per item.</summary>
    public double OperationsPerItem => Items == 0 ? 0 : TotalOperations / (double)Items;

    /// <summary>The difference between two snapshots of <see cref="StoreOperationCounts"/>.</summary>
    public static IReadOnlyDictionary<StoreOperation, long> Between(IReadOnlyDictionary<StoreOperation, long> before, IReadOnlyDictionary<StoreOperation, long> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.ToDictionary(o => o.Key, o => o.Value - before.GetValueOrDefault(o.Key));
    }
}
