using Billing.Core.Storage;
using Billing.Local.Storage;
using Billing.Local.Tests.Support;

namespace Billing.Local.Tests.Storage;

public sealed class SqliteWriteBatchTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly LocalDatabase _database;
    private readonly SqliteDocumentStore _store;

    public SqliteWriteBatchTests()
    {
        _database = new LocalDatabase(_dir.Data);
        _store = new SqliteDocumentStore(_database, TimeProvider.System);
    }

    [Fact]
    public async Task BeginWriteBatch_Committed_AllWritesAreVisibleToOthers()
    {
        using (var batch = _store.BeginWriteBatch())
        {
            for (var i = 0; i < 50; i++)
            {
                await batch.Store.TryCreateAsync("acc-1", $"n{i}", new TestNote($"note {i}"));
            }

            batch.Commit();
        }

        using var database = new LocalDatabase(_dir.Data);
        Assert.Equal(50, await CountAsync(new SqliteDocumentStore(database, TimeProvider.System)));
    }

    [Fact]
    public async Task BeginWriteBatch_BeforeCommit_OnlyTheBatchStoreSeesItsWrites()
    {
        using var batch = _store.BeginWriteBatch();
        await batch.Store.TryCreateAsync("acc-1", "n1", new TestNote("in the batch"));

        Assert.NotNull(await batch.Store.ReadAsync<TestNote>("acc-1", "n1"));
        Assert.Null(await Task.Run(() => _store.ReadAsync<TestNote>("acc-1", "n1")));
        batch.Commit();
        Assert.NotNull(await _store.ReadAsync<TestNote>("acc-1", "n1"));
    }

    [Fact]
    public async Task BeginWriteBatch_DisposedWithoutCommit_WritesNothing()
    {
        await _store.TryCreateAsync("acc-1", "kept", new TestNote("before the batch"));

        using (var batch = _store.BeginWriteBatch())
        {
            await batch.Store.TryCreateAsync("acc-1", "lost", new TestNote("in the batch"));
            Assert.NotNull(await batch.Store.ReadAsync<TestNote>("acc-1", "lost"));
        }

        Assert.Null(await _store.ReadAsync<TestNote>("acc-1", "lost"));
        Assert.Equal(1, await CountAsync(_store));
    }

    [Fact]
    public async Task BeginWriteBatch_ConflictInside_IsStillAConflict()
    {
        var created = await _store.TryCreateAsync("acc-1", "n1", new TestNote("a"));
        await _store.ReplaceAsync("acc-1", "n1", new TestNote("b"), created!.ETag);

        using var batch = _store.BeginWriteBatch();
        Assert.Null(await batch.Store.TryCreateAsync("acc-1", "n1", new TestNote("again")));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => batch.Store.ReplaceAsync("acc-1", "n1", new TestNote("stale"), created.ETag));
        batch.Commit();

        Assert.Equal("b", (await _store.ReadAsync<TestNote>("acc-1", "n1"))!.Value.Text);
    }

    [Fact]
    public void BeginWriteBatch_OnABatchStore_IsRefused()
    {
        using var outer = _store.BeginWriteBatch();

        Assert.Throws<InvalidOperationException>(() => ((IDocumentWriteBatching)outer.Store).BeginWriteBatch());
    }

    [Fact]
    public async Task BatchStore_AfterTheBatchEnded_IsRefused()
    {
        IDocumentStore ended;
        using (var batch = _store.BeginWriteBatch())
        {
            ended = batch.Store;
            batch.Commit();
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => ended.TryCreateAsync("acc-1", "late", new TestNote("after the batch")));
        Assert.Null(await _store.ReadAsync<TestNote>("acc-1", "late"));
    }

    private static async Task<int> CountAsync(IDocumentStore store)
    {
        var count = 0;
        await foreach (var _ in store.QueryPartitionAsync<TestNote>("acc-1"))
        {
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }
}
