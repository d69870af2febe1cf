namespace Billing.Azure.Cosmos;

/// <summary>
/// Counts the Cosmos DB operations the document store performs (the local stand-in reports no request
/// charges, so cost is estimated from operation counts: a 1 KB point read is about 1 RU, a write 5-10 RU).
/// Thread-safe; one instance per store.
/// </summary>
public sealed class CosmosOperationCounter
{
    private long _reads;
    private long _creates;
    private long _replaces;
    private long _deletes;
    private long _queryPages;
    private long _queryDocuments;

    public long Reads => Interlocked.Read(ref _reads);

    public long Creates => Interlocked.Read(ref _creates);

    public long Replaces => Interlocked.Read(ref _replaces);

    public long Deletes => Interlocked.Read(ref _deletes);

    /// <summary>Query result pages fetched (one round trip each).</summary>
    public long QueryPages => Interlocked.Read(ref _queryPages);

    /// <summary>Documents those pages returned (a query's request charge grows with them; the stand-in answers in one page).</summary>
    public long QueryDocuments => Interlocked.Read(ref _queryDocuments);

    public long Total => Reads + Creates + Replaces + Deletes + QueryPages;

    public CosmosOperationCount Snapshot() => new(Reads, Creates, Replaces, Deletes, QueryPages, QueryDocuments);

    internal void Read() => Interlocked.Increment(ref _reads);

    internal void Created() => Interlocked.Increment(ref _creates);

    internal void Replaced() => Interlocked.Increment(ref _replaces);

    internal void Deleted() => Interlocked.Increment(ref _deletes);

    internal void QueryPage() => Interlocked.Increment(ref _queryPages);

    internal void QueryDocument() => Interlocked.Increment(ref _queryDocuments);
}

/// <summary>A reading of <see cref="CosmosOperationCounter"/>; subtract two to count what happened in between.</summary>
public readonly record struct CosmosOperationCount(long Reads, long Creates, long Replaces, long Deletes, long QueryPages, long QueryDocuments = 0)
{
    public long Total => Reads + Creates + Replaces + Deletes + QueryPages;

    public static CosmosOperationCount operator -(CosmosOperationCount after, CosmosOperationCount before) =>
        new(after.Reads - before.Reads, after.Creates - before.Creates, after.Replaces - before.Replaces,
            after.Deletes - before.Deletes, after.QueryPages - before.QueryPages, after.QueryDocuments - before.QueryDocuments);

    public override string ToString() =>
        $"{Total} operations ({Reads} reads, {Creates} creates, {Replaces} replaces, {Deletes} deletes, {QueryPages} query pages returning {QueryDocuments} documents)";
}
