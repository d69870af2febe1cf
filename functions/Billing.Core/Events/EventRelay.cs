using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Billing.Core.Events;

/// <summary>
/// Moves recorded events (<see cref="PendingEvent"/>) to the sink (Service Bus, or <c>events.jsonl</c> locally) and
/// marks each one relayed (<see cref="RelayedEvent"/>, an ETag-conditional replace) once the sink has accepted it.
/// <para>Rules: an event is marked only after the sink accepted it, so a crash in between sends it again with the
/// same MessageId, which the sink's duplicate detection drops (at least once, never lost). A partition (one account)
/// is sent in recording order and stops at its first failure, so a later event of an account never goes out before
/// an earlier one that still waits. After <see cref="EventRelayOptions.MaxFailuresPerRun"/> sends fail in a row
/// the run stops: the sink is down. A run that relayed nothing because the sink failed backs off (15 s, doubling, at
/// most 5 min by default); the relays that follow a flow skip while it lasts, the timer and <c>billing events relay</c>
/// may override it. Several relays at once (instances, a flow and the timer) are safe: the second send of an event is
/// a duplicate, the second mark a conflict that is ignored.</para>
/// </summary>
public sealed partial class EventRelay
{
    private readonly IDocumentStore _store;
    private readonly Func<IEventPublisher> _sink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventRelayOptions _options;
    private readonly IDocumentWriteBatching _batching;
    private readonly Lock _gate = new();
    private int _failedRuns;
    private DateTimeOffset? _retryAfter;

    public EventRelay(
        IDocumentStore store, IEventPublisher sink, TimeProvider time, ILogger<EventRelay>? logger = null, EventRelayOptions? options = null,
        IDocumentWriteBatching? batching = null)
        : this(store, () => sink, time, logger, options, batching)
    {
        ArgumentNullException.ThrowIfNull(sink);
    }

    /// <param name="sink">Resolves the sink when a run first needs it, so a sink that cannot be built (Service Bus not
    /// configured) is a failed run, and the events wait, rather than a failed flow.</param>
    /// <param name="batching">Marks a sent slice relayed in one write batch where the store batches (one write at a time without it).</param>
    public EventRelay(
        IDocumentStore store, Func<IEventPublisher> sink, TimeProvider time, ILogger<EventRelay>? logger = null, EventRelayOptions? options = null,
        IDocumentWriteBatching? batching = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _sink = sink;
        _time = time;
        _logger = logger ?? NullLogger<EventRelay>.Instance;
        _options = options ?? EventRelayOptions.Default;
        _batching = batching ?? new UnbatchedWrites(store);
    }

    /// <summary>When the back-off after a failed run ends, or <c>null</c> when the relay is not backing off.</summary>
    public DateTimeOffset? RetryAfter
    {
        get
        {
            lock (_gate)
            {
                return _retryAfter is { } at && at > _time.GetUtcNow() ? at : null;
            }
        }
    }

    /// <summary>
    /// Relays every partition with waiting events, the one with the oldest first, up to
    /// <see cref="EventRelayOptions.MaxEventsPerRun"/> events. Skips (and says so) while backing off unless
    /// <paramref name="ignoreBackoff"/>. A failing sink is reported in the result, never thrown; a failing store is thrown.
    /// </summary>
    public async Task<EventRelayResult> RelayAsync(bool ignoreBackoff = false, CancellationToken cancellationToken = default)
    {
        if (!ignoreBackoff && RetryAfter is not null)
        {
            return EventRelayResult.Skipped;
        }

        var partitions = new Dictionary<string, List<Stored<PendingEvent>>>(StringComparer.Ordinal);
        await foreach (var pending in _store.QueryAllAsync<PendingEvent>(cancellationToken).ConfigureAwait(false))
        {
            if (!partitions.TryGetValue(pending.Key.PartitionKey, out var list))
            {
                partitions[pending.Key.PartitionKey] = list = [];
            }

            list.Add(pending);
        }

        var oldestFirst = partitions.Values
            .Select(list => list.OrderBy(p => p.Value, PendingEvent.RecordingOrder).ToList())
            .OrderBy(list => list[0].Value, PendingEvent.RecordingOrder);
        return await RelayPartitionsAsync(oldestFirst, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Relays the given partitions now, unless backing off: what a flow does right after recording its events. Never
    /// throws (except for cancellation): whatever it cannot send waits for the next relay.
    /// </summary>
    public async Task<EventRelayResult> RelayRecentAsync(IReadOnlyCollection<string> partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        if (RetryAfter is not null)
        {
            return EventRelayResult.Skipped;
        }

        try
        {
            var lists = new List<List<Stored<PendingEvent>>>();
            foreach (var partition in partitions)
            {
                var list = new List<Stored<PendingEvent>>();
                await foreach (var pending in _store.QueryPartitionAsync<PendingEvent>(partition, cancellationToken).ConfigureAwait(false))
                {
                    list.Add(pending);
                }

                if (list.Count > 0)
                {
                    lists.Add([.. list.OrderBy(p => p.Value, PendingEvent.RecordingOrder)]);
                }
            }

            return await RelayPartitionsAsync(lists, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            LogRelayFailed(e, OneLine(e));
            return new EventRelayResult(0, 0, OneLine(e));
        }
    }

    /// <summary>
    /// Sends the partitions' events in chunks of up to <see cref="EventRelayOptions.SendSize"/> (a chunk may hold several
    /// partitions, each in its order); when a chunk fails, every partition in it stops for this run.
    /// </summary>
    private async Task<EventRelayResult> RelayPartitionsAsync(IEnumerable<List<Stored<PendingEvent>>> partitions, CancellationToken cancellationToken)
    {
        var run = new RunState();
        var chunk = new List<Stored<PendingEvent>>(_options.SendSize);
        foreach (var partition in partitions)
        {
            if (run.FailuresInRow >= _options.MaxFailuresPerRun || run.Relayed + chunk.Count >= _options.MaxEventsPerRun)
            {
                run.Waiting += partition.Count;
                continue;
            }

            foreach (var pending in partition)
            {
                chunk.Add(pending);
                if (chunk.Count == _options.SendSize)
                {
                    await SendAsync(chunk, run, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await SendAsync(chunk, run, cancellationToken).ConfigureAwait(false);
        Remember(run.Relayed, run.Failure);
        if (run.Relayed > 0 || run.Failure is not null)
        {
            LogRelayed(run.Relayed, run.Waiting, run.Failure ?? "none");
        }

        return new EventRelayResult(run.Relayed, run.Waiting, run.Failure);
    }

    /// <summary>Sends the chunk (less the events of partitions that already failed in this run), marks it relayed, and empties it.</summary>
    private async Task SendAsync(List<Stored<PendingEvent>> chunk, RunState run, CancellationToken cancellationToken)
    {
        var sendable = chunk.Where(p => !run.FailedPartitions.Contains(p.Key.PartitionKey)).ToList();
        run.Waiting += chunk.Count - sendable.Count;
        chunk.Clear();
        if (sendable.Count == 0)
        {
            return;
        }

        if (run.FailuresInRow >= _options.MaxFailuresPerRun)
        {
            run.Waiting += sendable.Count;
            return;
        }

        try
        {
            await _sink().PublishAsync([.. sendable.Select(p => p.Value.Event)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            run.Failure = OneLine(e);
            run.FailuresInRow++;
            run.Waiting += sendable.Count;
            run.FailedPartitions.UnionWith(sendable.Select(p => p.Key.PartitionKey));
            LogSendFailed(e, sendable.Count, run.Failure);
            return;
        }

        using (var batch = _batching.BeginWriteBatch())
        {
            foreach (var pending in sendable)
            {
                await MarkRelayedAsync(batch.Store, pending, cancellationToken).ConfigureAwait(false);
            }

            batch.Commit();
        }

        run.Relayed += sendable.Count;
        run.FailuresInRow = 0;
    }

    private sealed class RunState
    {
        public int Relayed { get; set; }

        public int Waiting { get; set; }

        public int FailuresInRow { get; set; }

        public string? Failure { get; set; }

        public HashSet<string> FailedPartitions { get; } = new(StringComparer.Ordinal);
    }

    private async Task MarkRelayedAsync(IDocumentStore store, Stored<PendingEvent> pending, CancellationToken cancellationToken)
    {
        var relayed = new RelayedEvent(pending.Value.Event, pending.Value.RecordedAt, _time.GetUtcNow());
        try
        {
            await store.ReplaceAsync(pending.Key.PartitionKey, pending.Key.Id, relayed, pending.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Another relay sent and marked it meanwhile; our send was a duplicate the sink dropped.
        }
    }

    /// <summary>A run that relayed something ends the back-off; one that relayed nothing because the sink failed extends it.</summary>
    private void Remember(int relayed, string? failure)
    {
        lock (_gate)
        {
            if (relayed > 0 || failure is null)
            {
                _failedRuns = 0;
                _retryAfter = null;
                return;
            }

            _failedRuns++;
            var wait = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.InitialBackoff.Ticks * (1L << Math.Min(_failedRuns - 1, 20))));
            _retryAfter = _time.GetUtcNow() + wait;
        }
    }

    private static bool IsCancellation(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static string OneLine(Exception e) => $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} events failed; they and the later events of their accounts wait for the next relay: {Failure}")]
    private partial void LogSendFailed(Exception exception, int count, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying the events just recorded failed; they wait for the next relay: {Failure}")]
    private partial void LogRelayFailed(Exception exception, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relayed {Relayed} events, {Waiting} waiting (failure: {Failure})")]
    private partial void LogRelayed(int relayed, int waiting, string failure);
}
