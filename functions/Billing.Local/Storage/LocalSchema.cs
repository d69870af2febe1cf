using Billing.Core.Storage;

namespace Billing.Local.Storage;

/// <summary>
/// The tables of <c>billing.db</c>, created when absent. Every <see cref="DocumentFilter.Indexed"/> property of a document
/// has an expression index on (container, type, <c>json_extract(body, '$.property')</c>); they are created with
/// <c>IF NOT EXISTS</c> each time the database opens, which is also the migration of a database made before they existed
/// (SQLite builds an index over the rows already there).
/// </summary>
internal static class LocalSchema
{
    /// <summary>The SQL expression that reads <paramref name="property"/> from a document's body, exactly as indexed.</summary>
    public static string IndexedExpression(string property) =>
        DocumentFilter.Indexed.Contains(property)
            ? $"json_extract(body, '$.{property}')"
            : throw new ArgumentException($"'{property}' has no index.", nameof(property));

    /// <summary>The expression indexes, one per indexed property.</summary>
    public static string CreateIndexes { get; } = string.Concat(DocumentFilter.Indexed.Order(StringComparer.Ordinal).Select(property =>
        $"CREATE INDEX IF NOT EXISTS ix_documents_{property} ON documents (container, type, {IndexedExpression(property)});\n"));

    public const string Create = """
        CREATE TABLE IF NOT EXISTS documents (
            container     TEXT NOT NULL,
            partition_key TEXT NOT NULL,
            id            TEXT NOT NULL,
            type          TEXT NOT NULL,
            etag          TEXT NOT NULL,
            body          TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            PRIMARY KEY (container, partition_key, id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_documents_type ON documents (container, type);
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
