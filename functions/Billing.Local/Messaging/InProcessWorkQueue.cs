using System.Globalization;
using Billing.Core.Messaging;
using Billing.Core.Serialization;
using Billing.Local.Storage;
using Microsoft.Data.Sqlite;

namespace Billing.Local.Messaging;

/// <summary>
/// <see cref="IWorkQueue"/> without a broker: each message is serialised to JSON (as a Storage queue would
/// carry it) and persisted in the <c>queue</c> table of <c>billing.db</c>, so work enqueued before a crash is
/// still there for the next <c>billing run</c>. <see cref="LocalQueueRunner"/> claims and settles messages.
/// A claim is a lease: a message whose handler died is claimable again once its lease ran out.
/// Leases run on the wall clock, not on the billing clock, because they time the process, not the business.
/// </summary>
public sealed class InProcessWorkQueue(LocalDatabase database) : IWorkQueue
{
    /// <summary>How many times a message is handed out before it is moved to the poison table (the Functions host's maxDequeueCount).</summary>
    public const int MaxDequeueCount = 5;

    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(10);

    private const string Insert = "INSERT INTO queue (queue, body, attempts, enqueued_at) VALUES (@p0, @p1, 0, @p2)";
    private const string InsertHidden = "INSERT INTO queue (queue, body, attempts, enqueued_at, claimed_until) VALUES (@p0, @p1, 0, @p2, @p3)";
    private const string SelectHidden = "SELECT queue, COUNT(*), MAX(claimed_until) FROM queue WHERE claimed_until > @p0 GROUP BY queue ORDER BY queue";
    private const string Claim = """
        UPDATE queue SET claimed_until = @p1, attempts = attempts + 1
        WHERE seq = (SELECT seq FROM queue WHERE queue = @p0 AND (claimed_until IS NULL OR claimed_until < @p2) ORDER BY seq LIMIT 1)
        RETURNING seq, body, attempts
        """;
    private const string Delete = "DELETE FROM queue WHERE seq = @p0";
    private const string Release = "UPDATE queue SET claimed_until = @p2, last_error = @p1 WHERE seq = @p0";
    private const string Exists = "SELECT 1 FROM queue WHERE seq = @p0";
    private const string MoveToPoison = """
        INSERT OR REPLACE INTO poison (seq, queue, body, attempts, error, poisoned_at)
        SELECT seq, queue, body, attempts, @p1, @p2 FROM queue WHERE seq = @p0
        """;
    private const string Count = "SELECT COUNT(*) FROM queue WHERE queue = @p0";
    private const string SelectPoison = "SELECT seq, queue, body, attempts, error, poisoned_at FROM poison WHERE queue = @p0 ORDER BY seq";
    private const string SelectAllPoison = "SELECT seq, queue, body, attempts, error, poisoned_at FROM poison ORDER BY queue, seq";
    private const string RequeuePoison = "INSERT INTO queue (queue, body, attempts, enqueued_at) SELECT queue, body, 0, @p1 FROM poison WHERE queue = @p0 ORDER BY seq";
    private const string DeletePoison = "DELETE FROM poison WHERE queue = @p0";

    public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        EnqueueJson(queueName, BillingJson.Serialize(message));
        return Task.CompletedTask;
    }

    public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var now = TimeProvider.System.GetUtcNow();
        using var connection = database.Rent();
        connection.Command(InsertHidden, queueName, BillingJson.Serialize(message), Stamp(now), Stamp(now + visibilityDelay)).ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <summary>Enqueues a message already serialised to JSON.</summary>
    public void EnqueueJson(string queueName, string json)
    {
        using var connection = database.Rent();
        connection.Command(Insert, queueName, json, Stamp(TimeProvider.System.GetUtcNow())).ExecuteNonQuery();
    }

    /// <summary>
    /// The messages that are in their queues but not visible now: held by a worker (whose process may have stopped: its lease
    /// runs out on its own) or deferred; per queue, how many and when the last of them is visible again.
    /// </summary>
    public IReadOnlyList<(string Queue, long Count, DateTimeOffset VisibleBy)> Hidden()
    {
        using var connection = database.Rent();
        using var reader = connection.Command(SelectHidden, Stamp(TimeProvider.System.GetUtcNow())).ExecuteReader();
        var hidden = new List<(string, long, DateTimeOffset)>();
        while (reader.Read())
        {
            hidden.Add((reader.GetString(0), reader.GetInt64(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
        }

        return hidden;
    }

    /// <summary>Hands out the oldest message of the queue that nobody holds; null when there is none.</summary>
    public QueuedMessage? TryClaim(string queueName)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var connection = database.Rent();
        using var reader = connection.Command(Claim, queueName, Stamp(now + s_lease), Stamp(now)).ExecuteReader();
        return reader.Read() ? new QueuedMessage(reader.GetInt64(0), queueName, reader.GetString(1), reader.GetInt32(2)) : null;
    }

    /// <summary>The message was handled: it leaves the queue.</summary>
    public void Complete(QueuedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var connection = database.Rent();
        connection.Command(Delete, message.Sequence).ExecuteNonQuery();
    }

    /// <summary>How long a failed message stays invisible before its next attempt: a quarter second times the attempts so far.</summary>
    public static TimeSpan RetryDelay(int dequeueCount) => TimeSpan.FromMilliseconds(250 * dequeueCount);

    /// <summary>
    /// The handler failed: the message goes back to the queue, visible again after <see cref="RetryDelay"/> (the work it
    /// waits for, such as an invoice another worker is still issuing, gets time to finish), or to the poison table with
    /// the error once it has been handed out <see cref="MaxDequeueCount"/> times. Returns true when it was poisoned.
    /// </summary>
    public bool Fail(QueuedMessage message, string error)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var connection = database.Rent();
        if (message.DequeueCount < MaxDequeueCount)
        {
            var visibleAgain = TimeProvider.System.GetUtcNow() + RetryDelay(message.DequeueCount);
            connection.Command(Release, message.Sequence, error, Stamp(visibleAgain)).ExecuteNonQuery();
            return false;
        }

        using var transaction = connection.BeginTransaction();
        var poison = connection.Command(MoveToPoison, message.Sequence, error, Stamp(TimeProvider.System.GetUtcNow()));
        poison.Transaction = transaction;
        poison.ExecuteNonQuery();
        var delete = connection.Command(Delete, message.Sequence);
        delete.Transaction = transaction;
        delete.ExecuteNonQuery();
        transaction.Commit();
        poison.Transaction = null;
        delete.Transaction = null;
        return true;
    }

    /// <summary>True while the message is still in its queue (waiting, held, or waiting for a retry).</summary>
    public bool Contains(long sequence)
    {
        using var connection = database.Rent();
        using var reader = connection.Command(Exists, sequence).ExecuteReader();
        return reader.Read();
    }

    /// <summary>Messages waiting (or held) in the queue.</summary>
    public long CountOf(string queueName)
    {
        using var connection = database.Rent();
        return (long)connection.Command(Count, queueName).ExecuteScalar()!;
    }

    /// <summary>The messages of the queue that failed <see cref="MaxDequeueCount"/> times, oldest first.</summary>
    public IReadOnlyList<PoisonMessage> PoisonOf(string queueName)
    {
        using var connection = database.Rent();
        return ReadPoison(connection.Command(SelectPoison, queueName));
    }

    /// <summary>The poisoned messages of every queue, by queue name and then oldest first.</summary>
    public IReadOnlyList<PoisonMessage> AllPoison()
    {
        using var connection = database.Rent();
        return ReadPoison(connection.Command(SelectAllPoison));
    }

    /// <summary>
    /// Moves every poisoned message of the queue back to its end, with its attempts reset, once the cause is fixed (the
    /// local <c>PoisonQueueInspector.ReplayAsync</c>); returns how many moved. Both steps are one transaction.
    /// </summary>
    public int ReplayPoison(string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        using var connection = database.Rent();
        using var transaction = connection.BeginTransaction();
        var requeue = connection.Command(RequeuePoison, queueName, Stamp(TimeProvider.System.GetUtcNow()));
        var delete = connection.Command(DeletePoison, queueName);
        try
        {
            requeue.Transaction = transaction;
            delete.Transaction = transaction;
            var moved = requeue.ExecuteNonQuery();
            delete.ExecuteNonQuery();
            transaction.Commit();
            return moved;
        }
        finally
        {
            requeue.Transaction = null;
            delete.Transaction = null;
        }
    }

    private static List<PoisonMessage> ReadPoison(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var messages = new List<PoisonMessage>();
        while (reader.Read())
        {
            messages.Add(new PoisonMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }

        return messages;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
