namespace Billing.Local.Memory;

/// <summary>Store round trips counted by kind, safely from many threads (see <see cref="LatentDocumentStore"/>).</summary>
public sealed class StoreOperationCounts
{
    private readonly long[] _counts = new long[Enum.GetValues<StoreOperation>().Length];

    public long this[StoreOperation operation] => Interlocked.Read(ref _counts[(int)operation]);

    /// <summary>Round trips of every kind (conflicts are replaces already counted, so they are not added again).</summary>
    public long Total => Enum.GetValues<StoreOperation>().Where(o => o != StoreOperation.Conflict).Sum(o => this[o]);

    public void Add(StoreOperation operation) => Interlocked.Increment(ref _counts[(int)operation]);

    /// <summary>The counts as they are now, by kind.</summary>
    public IReadOnlyDictionary<StoreOperation, long> Snapshot() => Enum.GetValues<StoreOperation>().ToDictionary(o => o, o => this[o]);
}
