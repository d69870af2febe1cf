namespace Billing.Local.Storage;

/// <summary>
/// A connection rented from <see cref="LocalDatabase"/>; disposing it hands the connection back, except for the
/// connection of a write batch (<paramref name="database"/> null), which the batch hands back when it ends.
/// </summary>
internal sealed class ConnectionLease(LocalDatabase? database, PooledConnection connection) : IDisposable
{
    private PooledConnection? _connection = connection;

    private PooledConnection Current => _connection ?? throw new ObjectDisposedException(nameof(ConnectionLease));

    public Microsoft.Data.Sqlite.SqliteCommand Command(string sql, params object?[] values) => Current.Command(sql, values);

    public void Execute(string sql) => Current.Execute(sql);

    /// <summary>The SQLite connection itself, for work that manages its own transaction (the schema).</summary>
    public Microsoft.Data.Sqlite.SqliteConnection Connection => Current.Connection;

    public Microsoft.Data.Sqlite.SqliteTransaction BeginTransaction() => Current.Connection.BeginTransaction();

    public void Dispose()
    {
        if (_connection is { } returned)
        {
            _connection = null;
            database?.Return(returned);
        }
    }
}
