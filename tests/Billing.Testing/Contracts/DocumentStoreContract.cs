using Billing.Core.Storage;

namespace Billing.Testing.Contracts;

/// <summary>What every <see cref="IDocumentStore"/> must do; one concrete class per implementation.</summary>
public abstract class DocumentStoreContract
{
    protected abstract IDocumentStore Store { get; }

    private static string NewPartition() => "acc-" + Guid.NewGuid().ToString("N")[..12];

    private static ContractNote Note(string partition, string id, string text = "first") => new() { Id = id, AccountId = partition, Text = text };

    [ContractFact]
    public async Task TryCreate_Twice_SecondReturnsNullAndFirstValueIsKept()
    {
        var pk = NewPartition();
        var first = await Store.TryCreateAsync(pk, "n1", Note(pk, "n1", "first"));
        var second = await Store.TryCreateAsync(pk, "n1", Note(pk, "n1", "second"));

        Assert.NotNull(first);
        Assert.Null(second);
        var read = await Store.ReadAsync<ContractNote>(pk, "n1");
        Assert.Equal("first", read!.Value.Text);
        Assert.Equal(first.ETag, read.ETag);
        Assert.Equal(DocumentKey.For<ContractNote>(pk, "n1"), read.Key);
    }

    [ContractFact]
    public async Task Read_Missing_ReturnsNull()
    {
        Assert.Null(await Store.ReadAsync<ContractNote>(NewPartition(), "nothing-here"));
    }

    [ContractFact]
    public async Task Replace_WithCurrentEtag_StoresValueAndNewEtag()
    {
        var pk = NewPartition();
        var created = await Store.TryCreateAsync(pk, "n1", Note(pk, "n1"));
        var replaced = await Store.ReplaceAsync(pk, "n1", created!.Value with { Revision = 2 }, created.ETag);

        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(2, (await Store.ReadAsync<ContractNote>(pk, "n1"))!.Value.Revision);
    }

    [ContractFact]
    public async Task Replace_WithStaleEtag_ThrowsConcurrencyConflict()
    {
        var pk = NewPartition();
        var created = await Store.TryCreateAsync(pk, "n1", Note(pk, "n1"));
        await Store.ReplaceAsync(pk, "n1", created!.Value with { Revision = 2 }, created.ETag);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.ReplaceAsync(pk, "n1", created.Value with { Revision = 3 }, created.ETag));
        Assert.Equal(DocumentKey.For<ContractNote>(pk, "n1"), conflict.Key);
        Assert.Equal(2, (await Store.ReadAsync<ContractNote>(pk, "n1"))!.Value.Revision);
    }

    [ContractFact]
    public async Task Replace_Missing_ThrowsConcurrencyConflict()
    {
        var pk = NewPartition();
        var created = await Store.TryCreateAsync(pk, "n1", Note(pk, "n1"));
        await Store.DeleteAsync<ContractNote>(pk, "n1");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.ReplaceAsync(pk, "n1", Note(pk, "n1"), created!.ETag));
    }

    [ContractFact]
    public async Task QueryPartition_ReturnsOnlyThatTypeAndPartition_InIdOrder()
    {
        var pk = NewPartition();
        var other = NewPartition();
        foreach (var id in new[] { "b", "c", "a" })
        {
            await Store.TryCreateAsync(pk, id, Note(pk, id));
        }

        await Store.TryCreateAsync(pk, "tag", new ContractTag { Id = "tag", AccountId = pk });
        await Store.TryCreateAsync(other, "d", Note(other, "d"));

        var found = await ToListAsync(Store.QueryPartitionAsync<ContractNote>(pk));

        Assert.Equal(["a", "b", "c"], found.Select(s => s.Value.Id));
        Assert.All(found, s => Assert.Equal(pk, s.Key.PartitionKey));
        Assert.All(found, s => Assert.False(string.IsNullOrEmpty(s.ETag)));
    }

    [ContractFact]
    public async Task QueryAll_FindsTheTypeInEveryPartition_AndNoOtherType()
    {
        var pks = new[] { NewPartition(), NewPartition(), NewPartition() };
        foreach (var pk in pks)
        {
            await Store.TryCreateAsync(pk, "n", Note(pk, "n"));
            await Store.TryCreateAsync(pk, "t", new ContractTag { Id = "t", AccountId = pk });
        }

        var notes = await ToListAsync(Store.QueryAllAsync<ContractNote>());
        var tags = await ToListAsync(Store.QueryAllAsync<ContractTag>());

        var ours = notes.Where(n => pks.Contains(n.Key.PartitionKey)).ToList();
        Assert.Equal(pks.Order(StringComparer.Ordinal), ours.Select(n => n.Key.PartitionKey).Order(StringComparer.Ordinal));
        Assert.All(ours, n => Assert.Equal("n", n.Value.Id));
        Assert.Equal(3, tags.Count(t => pks.Contains(t.Key.PartitionKey)));
        Assert.DoesNotContain(tags, t => t.Key.Id != "t" && pks.Contains(t.Key.PartitionKey));
    }

    [ContractFact]
    public async Task Query_InPartitionWithEquality_ReturnsOnlyMatchingDocumentsOfThatTypeInIdOrder()
    {
        var pk = NewPartition();
        var other = NewPartition();
        await Store.TryCreateAsync(pk, "c", Note(pk, "c") with { Status = "open" });
        await Store.TryCreateAsync(pk, "a", Note(pk, "a") with { Status = "open" });
        await Store.TryCreateAsync(pk, "b", Note(pk, "b") with { Status = "paid" });
        await Store.TryCreateAsync(pk, "d", Note(pk, "d"));
        await Store.TryCreateAsync(other, "e", Note(other, "e") with { Status = "open" });

        var found = await ToListAsync(Store.QueryAsync<ContractNote>(DocumentQuery.InPartition(pk).Where(DocumentFilter.Equal("status", "open"))));

        Assert.Equal(["a", "c"], found.Select(s => s.Value.Id));
        Assert.All(found, s => Assert.Equal(pk, s.Key.PartitionKey));
        Assert.All(found, s => Assert.False(string.IsNullOrEmpty(s.ETag)));
    }

    [ContractFact]
    public async Task Query_AcrossPartitionsWithInAndRange_ReturnsExactlyTheMatches()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (open, late, paid) = ($"open-{run}", $"late-{run}", $"paid-{run}");
        var pks = new[] { NewPartition(), NewPartition(), NewPartition() };
        await Store.TryCreateAsync(pks[0], "x", Note(pks[0], "x") with { Status = open, DueDate = new DateOnly(2026, 3, 1) });
        await Store.TryCreateAsync(pks[1], "x", Note(pks[1], "x") with { Status = late, DueDate = new DateOnly(2026, 3, 10) });
        await Store.TryCreateAsync(pks[2], "x", Note(pks[2], "x") with { Status = open, DueDate = new DateOnly(2026, 3, 11) });
        await Store.TryCreateAsync(pks[2], "y", Note(pks[2], "y") with { Status = paid, DueDate = new DateOnly(2026, 1, 1) });
        await Store.TryCreateAsync(pks[2], "z", new ContractTag { Id = "z", AccountId = pks[2] });

        var due = await ToListAsync(Store.QueryAsync<ContractNote>(
            DocumentQuery.Across(DocumentFilter.In("status", [open, late])).Where(DocumentFilter.AtMost("dueDate", "2026-03-10"))));
        var later = await ToListAsync(Store.QueryAsync<ContractNote>(
            DocumentQuery.Across(DocumentFilter.Equal("status", open)).Where(DocumentFilter.AtLeast("dueDate", "2026-03-02"))));

        Assert.Equal(new[] { pks[0], pks[1] }.Order(StringComparer.Ordinal), due.Select(d => d.Key.PartitionKey).Order(StringComparer.Ordinal));
        Assert.Equal(pks[2], Assert.Single(later).Key.PartitionKey);
    }

    [ContractFact]
    public async Task Delete_RemovesTheDocument_AndReportsWhetherItWasThere()
    {
        var pk = NewPartition();
        await Store.TryCreateAsync(pk, "n1", Note(pk, "n1"));

        Assert.True(await Store.DeleteAsync<ContractNote>(pk, "n1"));
        Assert.Null(await Store.ReadAsync<ContractNote>(pk, "n1"));
        Assert.False(await Store.DeleteAsync<ContractNote>(pk, "n1"));
    }

    [ContractFact]
    public async Task Ids_WithReservedCharacters_RoundTrip()
    {
        var pk = NewPartition();
        const string id = "entry/2026#1?x\\y~z%";
        await Store.TryCreateAsync(pk, id, Note(pk, id));

        var read = await Store.ReadAsync<ContractNote>(pk, id);
        var queried = await ToListAsync(Store.QueryPartitionAsync<ContractNote>(pk));

        Assert.Equal(id, read!.Value.Id);
        Assert.Equal(id, read.Key.Id);
        Assert.Equal(id, Assert.Single(queried).Key.Id);
    }

    protected static async Task<List<Stored<T>>> ToListAsync<T>(IAsyncEnumerable<Stored<T>> source)
    {
        var list = new List<Stored<T>>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
