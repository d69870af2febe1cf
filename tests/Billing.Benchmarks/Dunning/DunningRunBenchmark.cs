using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Billing.Core.Dunning;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Messaging;
using Billing.Core.Monetary;
using Billing.Local;
using Billing.Local.Storage;
using Billing.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Billing.Benchmarks.Dunning;

/// <summary>
/// A dunning run (schedule: guard, scans of accounts, pauses, notices and invoices, decisions, enqueue) over
/// 100,000 open invoices of 20,000 accounts on the embedded default's SQLite store; a fifth of the invoices already
/// have a notice. Target: well under 30 s. Run with
/// <c>dotnet run -c Release --project tests/Billing.Benchmarks -- --filter '*DunningRun*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class DunningRunBenchmark
{
    private const int Accounts = 20_000;
    private const int InvoicesPerAccount = 5;
    private static readonly DateOnly s_runDate = new(2026, 3, 1);
    private string _root = "";
    private LocalDatabase? _database;
    private DunningScheduler? _scheduler;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _root = Path.Combine(Path.GetTempPath(), $"dunning-bench-{Guid.NewGuid():N}");
        _database = new LocalDatabase(new LocalDataDirectory(_root));
        var store = new SqliteDocumentStore(_database, TimeProvider.System);
        await SeedAsync(store);
        var options = Options.Create(new DunningOptions { Policies = { [DunningPolicy.DefaultName] = DunningPolicy.Default() } });
        _scheduler = new DunningScheduler(store, new CountingWorkQueue(), new BankFileFreshnessGuard(store, options), options,
            Options.Create(new QueueOptions()), Options.Create(new SchedulePageOptions()), NullLogger<DunningScheduler>.Instance);
    }

    [Benchmark]
    public async Task<int> ScheduleOver100kOpenInvoices() => (await _scheduler!.ScheduleAsync(s_runDate)).Notices.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static async Task SeedAsync(SqliteDocumentStore store)
    {
        var seller = BillingHistory.Seller;
        await store.TryCreateAsync("bank", "bank", new BankFileRecord { Id = "bank", FileName = "camt.xml", IngestedAt = new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), Outcome = BankFileOutcome.Processed });
        var number = 0;
        for (var a = 0; a < Accounts; a++)
        {
            var account = BillingHistory.NumberedAccount(a);
            await store.TryCreateAsync(account.Id, account.Id, account);
            for (var i = 0; i < InvoicesPerAccount; i++)
            {
                number++;
                var due = s_runDate.AddDays(-(number % 60) + 10);
                var charge = new Charge { Key = $"c{number}", Date = due, Kind = InvoiceLineKind.OneOff, Description = "Service", Quantity = 1m, UnitPrice = Money.Of(100m, "EUR") };
                var id = $"inv-{account.Id}-{i}";
                var invoice = InvoiceCalculator.Draft(id, account, seller, due.AddDays(-14), due.AddDays(-14), [charge]) with
                {
                    DueDate = due, Status = InvoiceStatus.Open, Number = $"INV-2026-{number:D6}", PdfPath = $"{account.Id}/{number}.pdf",
                };
                await store.TryCreateAsync(account.Id, id, invoice);
                if (number % 5 == 0)
                {
                    await store.TryCreateAsync(account.Id, DunningNotice.IdFor(id, 1), new DunningNotice
                    {
                        Id = DunningNotice.IdFor(id, 1), AccountId = account.Id, InvoiceId = id, InvoiceNumber = invoice.Number!, Stage = 1, Policy = "default",
                        Day = -3, Template = DunningTemplates.Reminder, Action = DunningAction.Email, RunDate = s_runDate.AddDays(-7), Status = DunningNoticeStatus.Sent,
                    });
                }
            }
        }
    }

    private sealed class CountingWorkQueue : IWorkQueue
    {
        private int _count;

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default) =>
            EnqueueAsync(queueName, message, cancellationToken);
    }
}
