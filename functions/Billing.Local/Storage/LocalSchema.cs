namespace Billing.Local.Storage;

/// <summary>The tables of <c>billing.db</c>, created when absent.</summary>
internal static class LocalSchema
{
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
