using Billing.Core.Storage;
using Billing.Local.Storage;
using Billing.Local.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Billing.Local.Tests.Storage;

public sealed class LocalSchemaTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();

    [Fact]
    public async Task Apply_VersionZeroDatabase_KeepsEveryDocumentAndAnswersQueriesFromTheNewIndexes()
    {
        Directory.CreateDirectory(_dir.Path);
        using (var old = new SqliteConnection($"Data Source={_dir.Data.Database};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE documents (container TEXT NOT NULL, partition_key TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
                    etag TEXT NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (container, partition_key, id)) WITHOUT ROWID;
                CREATE INDEX ix_documents_type ON documents (container, type);
                CREATE INDEX ix_documents_state ON documents (container, type, json_extract(body, '$.state'));
                INSERT INTO documents VALUES ('billing', 'acc-1', 'n1', 'note', 'e1', '{"text":"first"}', '2026-01-01');
                INSERT INTO documents VALUES ('billing', 'acc-2', 'n2', 'note', 'e2', '{"text":"second","state":"open"}', '2026-01-01');
                """;
            command.ExecuteNonQuery();
        }

        using var database = new LocalDatabase(_dir.Data);
        var store = new SqliteDocumentStore(database, TimeProvider.System);

        Assert.Equal("first", (await store.ReadAsync<TestNote>("acc-1", "n1"))!.Value.Text);
        var open = new List<string>();
        await foreach (var note in store.QueryAsync<TestNote>(DocumentQuery.Across(DocumentFilter.Equal("state", "open"))))
        {
            open.Add(note.Value.Text);
        }

        Assert.Equal(["second"], open);
        Assert.Null(await store.TryCreateAsync("acc-2", "n2", new TestNote("again")));
        Assert.Equal(LocalSchema.Version, UserVersion());
        Assert.DoesNotContain("WITHOUT ROWID", TableSql(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Apply_NewDatabase_IsAtTheCurrentVersionWithPartialIndexes()
    {
        using var database = new LocalDatabase(_dir.Data);

        Assert.Equal(LocalSchema.Version, UserVersion());
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'ix_documents_status'";
        Assert.Contains("IS NOT NULL", (string)command.ExecuteScalar()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_CurrentVersionWithoutAPropertysIndex_CreatesItWhenTheDatabaseOpens()
    {
        new LocalDatabase(_dir.Data).Dispose();
        using (var connection = Open())
        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP INDEX ix_documents_nextChargeDate";
            drop.ExecuteNonQuery();
        }

        using var database = new LocalDatabase(_dir.Data);

        using var reopened = Open();
        using var command = reopened.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'ix_documents_nextChargeDate'";
        Assert.Equal(1L, (long)command.ExecuteScalar()!);
    }

    private long UserVersion()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    private string TableSql()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'";
        return (string)command.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_dir.Data.Database};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose() => _dir.Dispose();
}
