using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Billing.Local.Storage;

/// <summary>
/// The SQLite file <c>billing.db</c> shared by the document store and the work queue. It keeps a pool of
/// open connections, each configured once (WAL journal, <c>synchronous=NORMAL</c>, a busy timeout) and each
/// caching its prepared commands, so an operation costs one statement and not an open. Every operation
/// rents a connection for its own duration: concurrent callers never share one, and a streaming query
/// holds its connection until the enumeration ends. A write batch (<see cref="BeginWriteBatch"/>) holds one connection
/// and one transaction until it ends; only what is done on that connection belongs to it. On a read-only <see cref="LocalDataDirectory"/> every connection is
/// opened read-only and the schema is not touched; when SQLite cannot even create the WAL index beside the file (a
/// folder this user may not write), the file is opened as immutable, which is safe because nobody can write it either.
/// </summary>
public sealed class LocalDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 30_000;
    private readonly ConcurrentBag<PooledConnection> _idle = [];
    private readonly LocalDataDirectory _data;
    private string _connectionString;
    private bool _disposed;

    public LocalDatabase(LocalDataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _connectionString = ConnectionString(data.Database, data.IsReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate);
        if (!data.IsReadOnly)
        {
            using var connection = Rent();
            LocalSchema.Apply(connection.Connection);
        }
    }

    /// <summary>True when every connection is read-only (a write fails with SQLite's "readonly database" error).</summary>
    public bool IsReadOnly => _data.IsReadOnly;

    private static string ConnectionString(string dataSource, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    /// <summary>Hands out an open connection; disposing the lease returns it to the pool.</summary>
    internal ConnectionLease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _idle.TryTake(out var idle) ? idle : Open();
        return new ConnectionLease(this, connection);
    }

    internal void Return(PooledConnection connection)
    {
        if (_disposed)
        {
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
    }

    /// <summary>
    /// Starts a write batch: a connection of its own in one immediate transaction (so other writers wait) until it ends.
    /// The operations run on <see cref="WriteBatch.Connection"/> belong to it, and <see cref="WriteBatch.Commit"/> applies
    /// them together; disposing without committing rolls them back.
    /// </summary>
    internal WriteBatch BeginWriteBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _idle.TryTake(out var idle) ? idle : Open();
        try
        {
            connection.BatchTransaction = connection.Connection.BeginTransaction(deferred: false);
        }
        catch
        {
            Return(connection);
            throw;
        }

        return new WriteBatch(this, connection);
    }

    private void End(PooledConnection connection, bool commit)
    {
        try
        {
            if (commit)
            {
                connection.BatchTransaction!.Commit();
            }
            else
            {
                connection.BatchTransaction!.Rollback();
            }
        }
        finally
        {
            connection.BatchTransaction!.Dispose();
            connection.BatchTransaction = null;
            Return(connection);
        }
    }

    /// <summary>A write batch: a connection and its open transaction, until the batch ends.</summary>
    internal sealed class WriteBatch(LocalDatabase database, PooledConnection connection) : IDisposable
    {
        /// <summary>The batch's connection, or null once it ended.</summary>
        public PooledConnection? Connection { get; private set; } = connection;

        /// <summary>A lease on the batch's connection (which the batch, not the lease, hands back).</summary>
        public ConnectionLease Lease() =>
            new(null, Connection ?? throw new ObjectDisposedException(nameof(WriteBatch), "The write batch has ended."));

        public void Commit() => Finish(commit: true);

        public void Dispose() => Finish(commit: false);

        private void Finish(bool commit)
        {
            if (Connection is { } connection)
            {
                Connection = null;
                database.End(connection, commit);
            }
        }
    }

    private PooledConnection Open()
    {
        if (_data.IsReadOnly)
        {
            return OpenReadOnly();
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        var pooled = new PooledConnection(connection);
        pooled.Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA foreign_keys=OFF;");
        return pooled;
    }

    /// <summary>A read-only connection; in a folder SQLite cannot write its WAL index to, the file is opened immutable instead.</summary>
    private PooledConnection OpenReadOnly()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var pooled = new PooledConnection(connection);
            pooled.Execute($"PRAGMA busy_timeout={BusyTimeoutMilliseconds};");
            pooled.Execute("SELECT count(*) FROM sqlite_master;");
            return pooled;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLiteReadOnly or SQLiteCantOpen && !_connectionString.Contains("immutable=1", StringComparison.Ordinal))
        {
            connection.Dispose();
            _connectionString = ConnectionString($"{new Uri(_data.Database).AbsoluteUri}?immutable=1", SqliteOpenMode.ReadOnly);
            return OpenReadOnly();
        }
    }

    private const int SQLiteReadOnly = 8;

    private const int SQLiteCantOpen = 14;

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
