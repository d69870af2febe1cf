using System.Globalization;
using Billing.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Billing.Local.Storage;

/// <summary>
/// The tables of <c>billing.db</c> (schema version <see cref="Version"/>, kept in <c>PRAGMA user_version</c>). Documents
/// live in a rowid table with a unique key (container, partition key, id): a document's body (about 1 KB) is stored once,
/// in insertion order, and the key index stays small, where a table clustered on the key would move bodies around on
/// every insert and spill them to overflow pages. Every <see cref="DocumentFilter.Indexed"/> property has a partial
/// expression index on (container, type, <c>json_extract(body, '$.property')</c>, partition key, id) over the documents
/// that have the property, so a document costs one index entry per property it carries, not one per property there is
/// (a claim or an event carries none). A query's condition on the property (=, IN, &lt;=, &gt;=) implies it is set, so
/// SQLite answers from these indexes; the trailing key keeps the order of equal values what it was.
/// <see cref="Apply"/> creates what is missing and migrates a database of version 0 (the table clustered on the key,
/// full expression indexes) in one transaction, copying its documents.
/// </summary>
internal static class LocalSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int Version = 1;

    /// <summary>The SQL expression that reads <paramref name="property"/> from a document's body, exactly as indexed.</summary>
    public static string IndexedExpression(string property) =>
        DocumentFilter.Indexed.Contains(property)
            ? $"json_extract(body, '$.{property}')"
            : throw new ArgumentException($"'{property}' has no index.", nameof(property));

    /// <summary>The partial expression indexes, one per indexed property.</summary>
    public static string CreateIndexes { get; } = string.Concat(DocumentFilter.Indexed.Order(StringComparer.Ordinal).Select(property =>
        $"CREATE INDEX IF NOT EXISTS ix_documents_{property} ON documents (container, type, {IndexedExpression(property)}, partition_key, id) " +
        $"WHERE {IndexedExpression(property)} IS NOT NULL;\n"));

    /// <summary>Creates the tables and indexes that are missing, migrating a version 0 database first (one migrator at a time).</summary>
    public static void Apply(SqliteConnection connection)
    {
        if (UserVersion(connection, null) >= Version)
        {
            // A property indexed since the database was made gets its index now (SQLite builds it over the rows there).
            using var indexes = connection.CreateCommand();
            indexes.CommandText = CreateIndexes;
            indexes.ExecuteNonQuery();
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        if (UserVersion(connection, transaction) < Version)
        {
            var hasDocuments = Scalar(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents'") is long and > 0;

            // Version 0 is copied into the new layout; dropping its table drops its indexes, whose names the new ones take.
            Run(connection, transaction, hasDocuments
                ? Documents("documents_v1") + """
                    INSERT INTO documents_v1 (container, partition_key, id, type, etag, body, updated_at)
                        SELECT container, partition_key, id, type, etag, body, updated_at FROM documents;
                    DROP TABLE documents;
                    ALTER TABLE documents_v1 RENAME TO documents;
                    """
                : Documents("documents"));
            Run(connection, transaction, Create + CreateIndexes + $"PRAGMA user_version = {Version};");
        }

        transaction.Commit();
    }

    private static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction) =>
        Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    private static void Run(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static string Documents(string table) => $"""
        CREATE TABLE {table} (
            container     TEXT NOT NULL,
            partition_key TEXT NOT NULL,
            id            TEXT NOT NULL,
            type          TEXT NOT NULL,
            etag          TEXT NOT NULL,
            body          TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            UNIQUE (container, partition_key, id)
        );

        """;

    private const string Create = """
        CREATE INDEX IF NOT EXISTS ix_documents_type ON documents (container, type, partition_key, id);
        CREATE TABLE IF NOT EXISTS queue (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            queue         TEXT NOT NULL,
            body          TEXT NOT NULL,
            attempts      INTEGER NOT NULL DEFAULT 0,
            claimed_until TEXT,
            last_error    TEXT,
            enqueued_at   TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_queue_name ON queue (queue, seq);
        CREATE TABLE IF NOT EXISTS poison (
            seq         INTEGER PRIMARY KEY,
            queue       TEXT NOT NULL,
            body        TEXT NOT NULL,
            attempts    INTEGER NOT NULL,
            error       TEXT NOT NULL,
            poisoned_at TEXT NOT NULL
        );

        """;
}
