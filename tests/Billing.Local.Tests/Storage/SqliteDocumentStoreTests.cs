using Billing.Core.Issuing;
using Billing.Core.Events;
using Billing.Core.Storage;
using Billing.Local.Storage;
using Billing.Local.Tests.Support;

namespace Billing.Local.Tests.Storage;

public sealed class SqliteDocumentStoreTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly LocalDatabase _database;
    private readonly SqliteDocumentStore _store;

    public SqliteDocumentStoreTests()
    {
        _database = new LocalDatabase(_dir.Data);
        _store = new SqliteDocumentStore(_database, TimeProvider.System);
    }

    [Fact]
    public async Task TryCreateAsync_SameKeyTwice_SecondReturnsNullAndKeepsFirst()
    {
        var first = await _store.TryCreateAsync("acc-1", "n1", new TestNote("first"));
        var second = await _store.TryCreateAsync("acc-1", "n1", new TestNote("second"));

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("first", (await _store.ReadAsync<TestNote>("acc-1", "n1"))!.Value.Text);
    }

    [Fact]
    public async Task ReadAsync_Missing_ReturnsNull() =>
        Assert.Null(await _store.ReadAsync<TestNote>("acc-1", "nope"));

    [Fact]
    public async Task ReplaceAsync_CurrentETag_StoresValueWithNewETag()
    {
        var created = await _store.TryCreateAsync("acc-1", "n1", new TestNote("a"));

        var replaced = await _store.ReplaceAsync("acc-1", "n1", new TestNote("b"), created!.ETag);

        Assert.NotEqual(created.ETag, replaced.ETag);
        var read = await _store.ReadAsync<TestNote>("acc-1", "n1");
        Assert.Equal("b", read!.Value.Text);
        Assert.Equal(replaced.ETag, read.ETag);
    }

    [Fact]
    public async Task ReplaceAsync_ValueOfAnotherType_IsFoundAsThatTypeAndNoLongerAsTheFirst()
    {
        var pendingEvent = new PendingEvent(
            IntegrationEvent.Create(EventTypes.InvoiceIssued, "inv-1", "acc-1", DateTimeOffset.UnixEpoch, new { n = 1 }), DateTimeOffset.UnixEpoch, 0);
        var created = await _store.TryCreateAsync("acc-1", "e1", pendingEvent);

        await _store.ReplaceAsync("acc-1", "e1", new RelayedEvent(pendingEvent.Event, pendingEvent.RecordedAt, DateTimeOffset.UnixEpoch), created!.ETag);

        Assert.Null(await _store.ReadAsync<PendingEvent>("acc-1", "e1"));
        Assert.NotNull(await _store.ReadAsync<RelayedEvent>("acc-1", "e1"));
        Assert.Empty(await _store.QueryAllAsync<PendingEvent>().ToListAsync());
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsConcurrencyConflict()
    {
        var created = await _store.TryCreateAsync("acc-1", "n1", new TestNote("a"));
        await _store.ReplaceAsync("acc-1", "n1", new TestNote("b"), created!.ETag);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => _store.ReplaceAsync("acc-1", "n1", new TestNote("c"), created.ETag));

        Assert.Equal(new DocumentKey(Containers.Billing, "acc-1", "n1"), conflict.Key);
        Assert.Equal("b", (await _store.ReadAsync<TestNote>("acc-1", "n1"))!.Value.Text);
    }

    [Fact]
    public async Task ReplaceAsync_MissingDocument_ThrowsConcurrencyConflict() =>
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.ReplaceAsync("acc-1", "n1", new TestNote("c"), "whatever"));

    [Fact]
    public async Task DeleteAsync_StaleETagThenCurrent_ThrowsThenDeletes()
    {
        var created = await _store.TryCreateAsync("acc-1", "n1", new TestNote("a"));
        var replaced = await _store.ReplaceAsync("acc-1", "n1", new TestNote("b"), created!.ETag);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.DeleteAsync<TestNote>("acc-1", "n1", created.ETag));
        Assert.True(await _store.DeleteAsync<TestNote>("acc-1", "n1", replaced.ETag));
        Assert.False(await _store.DeleteAsync<TestNote>("acc-1", "n1"));
    }

    [Fact]
    public async Task QueryPartitionAsync_MixedTypesAndPartitions_ReturnsOnlyThatTypeAndPartitionInIdOrder()
    {
        await _store.TryCreateAsync("acc-1", "c", new TestNote("c"));
        await _store.TryCreateAsync("acc-1", "a", new TestNote("a"));
        await _store.TryCreateAsync("acc-1", "b", new OtherNote("other"));
        await _store.TryCreateAsync("acc-2", "b", new TestNote("elsewhere"));

        var ids = new List<string>();
        await foreach (var note in _store.QueryPartitionAsync<TestNote>("acc-1"))
        {
            ids.Add(note.Key.Id);
        }

        Assert.Equal(["a", "c"], ids);
    }

    [Fact]
    public async Task QueryAllAsync_AcrossPartitions_StreamsEveryDocumentOfThatType()
    {
        for (var i = 0; i < 50; i++)
        {
            await _store.TryCreateAsync($"acc-{i}", "n", new TestNote($"t{i}"));
        }

        await _store.TryCreateAsync("acc-1", "o", new OtherNote("x"));

        var texts = new HashSet<string>();
        await foreach (var note in _store.QueryAllAsync<TestNote>())
        {
            // Writing while a query streams must not deadlock or fail.
            await _store.TryCreateAsync(note.Key.PartitionKey, "extra", new OtherNote("y"));
            texts.Add(note.Value.Text);
        }

        Assert.Equal(50, texts.Count);
    }

    [Fact]
    public async Task ReplaceAsync_EightConcurrentWritersOnOneVersion_ExactlyOneWinsEachRound()
    {
        await _store.TryCreateAsync("acc-1", "n1", new TestNote("start"));
        for (var round = 1; round <= 20; round++)
        {
            var current = await _store.ReadAsync<TestNote>("acc-1", "n1");
            using var start = new ManualResetEventSlim();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    await _store.ReplaceAsync("acc-1", "n1", new TestNote($"writer {w}", round), current!.ETag);
                    return true;
                }
                catch (ConcurrencyConflictException)
                {
                    return false;
                }
            })).ToList();
            start.Set();
            var outcomes = await Task.WhenAll(writers);

            Assert.Equal(1, outcomes.Count(won => won));
            Assert.Equal(round, (await _store.ReadAsync<TestNote>("acc-1", "n1"))!.Value.Version);
        }
    }

    [Fact]
    public async Task QueryPageAsync_PagesThroughEveryMatchOnce_InValueThenPartitionOrder()
    {
        var dates = new (string Account, DateOnly? Next)[]
        {
            ("acc-c", new(2026, 3, 1)), ("acc-a", new(2026, 3, 1)), ("acc-b", DateOnly.MinValue), ("acc-d", new(2026, 2, 10)),
            ("acc-e", new(2026, 3, 2)), ("acc-f", null), ("acc-g", new(2026, 1, 31)),
        };
        foreach (var (account, next) in dates)
        {
            await _store.TryCreateAsync(account, AccountBillingState.DocumentId, new AccountBillingState { AccountId = account, NextChargeDate = next, Finished = next is null });
        }

        var query = DocumentQuery.Across(DocumentFilter.AtMost("nextChargeDate", "2026-03-01"));
        var read = new List<string>();
        DocumentCursor? after = null;
        var pages = 0;
        do
        {
            var page = await _store.QueryPageAsync<AccountBillingState>(query, 2, after);
            Assert.InRange(page.Items.Count, 1, 2);
            read.AddRange(page.Items.Select(i => i.Key.PartitionKey));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(["acc-b", "acc-g", "acc-d", "acc-a", "acc-c"], read);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Store_Reopened_KeepsDocumentsInBillingDbFile()
    {
        await _store.TryCreateAsync("acc-1", "n1", new TestNote("kept"));
        using var reopened = new LocalDatabase(_dir.Data);

        var read = await new SqliteDocumentStore(reopened, TimeProvider.System).ReadAsync<TestNote>("acc-1", "n1");

        Assert.True(File.Exists(Path.Combine(_dir.Path, "billing.db")));
        Assert.Equal("kept", read!.Value.Text);
    }

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }
}
