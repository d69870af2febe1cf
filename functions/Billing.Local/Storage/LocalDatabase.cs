using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Billing.Local.Storage;

/// <summary>
/// The SQLite file <c>billing.db</c> shared by the document store and the work queue. It keeps a pool of
/// open connections, each configured once (WAL journal, <c>synchronous=NORMAL</c>, a busy timeout) and each
/// caching its prepared commands, so an operation costs one statement and not an open. Every operation
/// rents a connection for its own duration: concurrent callers never share one, and a streaming query
/// holds its connection until the enumeration ends.
/// </summary>
public sealed class LocalDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 30_000;
    private readonly ConcurrentBag<PooledConnection> _idle = [];
    private readonly string _connectionString;
    private bool _disposed;

    public LocalDatabase(LocalDataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = data.Database,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        using var connection = Rent();
        connection.Execute(LocalSchema.Create);
    }

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

    private PooledConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        var pooled = new PooledConnection(connection);
        pooled.Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA foreign_keys=OFF;");
        return pooled;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
