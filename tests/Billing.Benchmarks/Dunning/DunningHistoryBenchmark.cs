using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Billing.Core.Dunning;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Local;
using Billing.Local.Storage;
using Billing.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Billing.Benchmarks.Dunning;

/// <summary>
/// A dunning run over 200 accounts with 1 or 18 months of history (<see cref="BillingHistory"/>) on the embedded default's
/// SQLite store: the whole run as <c>billing dunning run --dry-run</c> makes it, and the timer's fan-out page by page
/// (pages of 50 open invoices). Target: 18 months cost at most ×1.25 the time of 1 month. Run with
/// <c>dotnet run -c Release --project tests/Billing.Benchmarks -- --filter '*DunningHistory*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
[MemoryDiagnoser]
public class DunningHistoryBenchmark
{
    private const int Accounts = 200;
    private static readonly DateOnly s_runDate = new(2026, 3, 1);
    private readonly DiscardingWorkQueue _queue = new();
    private string _root = "";
    private LocalDatabase? _database;
    private DunningScheduler? _scheduler;

    [Params(1, 18)]
    public int Months { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _root = Path.Combine(Path.GetTempPath(), $"dunning-history-bench-{Guid.NewGuid():N}");
        _database = new LocalDatabase(new LocalDataDirectory(_root));
        var store = new SqliteDocumentStore(_database, TimeProvider.System);
        await BillingHistory.SeedAsync(store, Accounts, Months, s_runDate);
        _scheduler = Scheduler(store);
    }

    [Benchmark]
    public async Task<int> WholeRun() => (await _scheduler!.ScheduleAsync(s_runDate, dryRun: true)).Notices.Count;

    [Benchmark]
    public async Task<int> TimerPages()
    {
        var notices = 0;
        DocumentCursor? after = null;
        do
        {
            _queue.LastPage = null;
            notices += (await _scheduler!.SchedulePageAsync(s_runDate, after)).Notices.Count;
            after = _queue.LastPage?.Cursor;
        }
        while (after is not null);

        return notices;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private DunningScheduler Scheduler(IDocumentStore store)
    {
        var options = Options.Create(new DunningOptions { Policies = { [DunningPolicy.DefaultName] = DunningPolicy.Default() } });
        return new DunningScheduler(store, _queue, new BankFileFreshnessGuard(store, options), options, Options.Create(new QueueOptions()),
            Options.Create(new SchedulePageOptions { DunningPageSize = 50 }), NullLogger<DunningScheduler>.Instance);
    }

    /// <summary>Drops every message but remembers the last page continuation, so the benchmark can follow the fan-out in process.</summary>
    private sealed class DiscardingWorkQueue : IWorkQueue
    {
        public SchedulePageMessage? LastPage { get; set; }

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default)
        {
            if (message is SchedulePageMessage page)
            {
                LastPage = page;
            }

            return Task.CompletedTask;
        }

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default) =>
            EnqueueAsync(queueName, message, cancellationToken);
    }
}
