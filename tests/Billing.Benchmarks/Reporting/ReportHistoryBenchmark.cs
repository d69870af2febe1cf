using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Billing.Core.Reporting;
using Billing.Local;
using Billing.Local.Storage;
using Billing.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Billing.Benchmarks.Reporting;

/// <summary>
/// Every report snapshot as of a month's first day (so the month close is computed too) over 200 accounts with 1, 13 or
/// 18 months of history (<see cref="BillingHistory"/>) on SQLite. The reports read their windows (the 12-month trend),
/// so 13 and 18 months must cost the same: history older than the windows is never read. Run with
/// <c>dotnet run -c Release --project tests/Billing.Benchmarks -- --filter '*ReportHistory*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
[MemoryDiagnoser]
public class ReportHistoryBenchmark
{
    private const int Accounts = 200;
    private static readonly DateOnly s_asOf = new(2026, 3, 1);
    private string _root = "";
    private LocalDatabase? _database;
    private ReportBuilder? _builder;

    [Params(1, 13, 18)]
    public int Months { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _root = Path.Combine(Path.GetTempPath(), $"report-history-bench-{Guid.NewGuid():N}");
        _database = new LocalDatabase(new LocalDataDirectory(_root));
        var store = new SqliteDocumentStore(_database, TimeProvider.System);
        await BillingHistory.SeedAsync(store, Accounts, Months, s_asOf);
        _builder = new ReportBuilder(store, Options.Create(new ReportOptions()), NullLogger<ReportBuilder>.Instance);
    }

    [Benchmark]
    public async Task<int> EverySnapshot() => (await _builder!.BuildAsync(s_asOf)).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
