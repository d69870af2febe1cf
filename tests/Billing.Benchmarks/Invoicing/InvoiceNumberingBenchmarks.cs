using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Billing.Local.Memory;

namespace Billing.Benchmarks.Invoicing;

/// <summary>
/// The measurement of issue 12: <see cref="InvoiceNumberSequence"/> numbering 2,000 drafts of one series with
/// <see cref="Workers"/> concurrent workers over an in-memory store where every operation takes 5 ms (a Cosmos DB round
/// trip). The reported time is per invoice (throughput = 1 / mean); the benchmark fails if any worker gives up. One worker
/// alone takes minutes per run (every step waits for its round trip), hence the longer in-process timeout.
/// Run with <c>dotnet run -c Release --project tests/Billing.Benchmarks -- --filter '*InvoiceNumbering*'</c>.
/// </summary>
[Config(typeof(LongRunConfig))]
public class InvoiceNumberingBenchmarks
{
    private const int Drafts = 2_000;
    private const string Series = "INV-2026";
    private static readonly TimeSpan s_latency = TimeSpan.FromMilliseconds(5);
    private LatentDocumentStore? _store;

    [ParamsSource(nameof(WorkerCounts))]
    public int Workers { get; set; }

    /// <summary>1, 24 (one instance), 96, 256 and 384 workers; <c>BILLING_NUMBERING_WORKERS=24,256</c> picks some.</summary>
    public static IEnumerable<int> WorkerCounts() =>
        (Environment.GetEnvironmentVariable("BILLING_NUMBERING_WORKERS") ?? "1,24,96,256,384")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture));

    [IterationSetup]
    public void Setup()
    {
        var memory = new MemoryDocumentStore();
        var seller = new SellerOptions
        {
            LegalName = "Nordlicht Software GmbH", VatId = "DE123456789", Street = "Hafenstraße 1", City = "Hamburg", PostalCode = "20457",
            CountryCode = "DE", Email = "billing@nordlicht.example", Iban = "DE89370400440532013000", DomesticVatRate = 19m,
        };
        for (var i = 0; i < Drafts; i++)
        {
            var account = new Account
            {
                Id = $"acc{i:D5}", LegalName = $"Customer {i}", BillingEmails = [$"ap@c{i}.example"], Currency = Currency.EUR,
                Address = new PostalAddress { Street = "Main Street 1", City = "Berlin", PostalCode = "10115", CountryCode = "DE" },
            };
            var charge = new Charge { Key = "c", Date = new DateOnly(2026, 3, 1), Kind = InvoiceLineKind.OneOff, Description = "Service", Quantity = 1m, UnitPrice = Money.Of(100m, "EUR") };
            var draft = InvoiceCalculator.Draft($"inv-{account.Id}", account, seller, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), [charge]);
            memory.TryCreateAsync(account.Id, draft.Id, draft).GetAwaiter().GetResult();
        }

        _store = new LatentDocumentStore(memory, s_latency);
    }

    [Benchmark(OperationsPerInvoke = Drafts)]
    public async Task<int> NumberTwoThousandDrafts()
    {
        var numbers = new InvoiceNumberSequence(_store!, TimeProvider.System);
        var drafts = new ConcurrentQueue<int>(Enumerable.Range(0, Drafts));
        var gaveUp = 0;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (drafts.TryDequeue(out var i))
            {
                try
                {
                    await numbers.FinalizeAsync($"acc{i:D5}", $"inv-acc{i:D5}", Series);
                }
                catch (ContentionException)
                {
                    Interlocked.Increment(ref gaveUp);
                }
            }
        })));
        return gaveUp == 0 ? Drafts : throw new InvalidOperationException($"{gaveUp} of {Drafts} drafts gave up with {Workers} workers.");
    }

    /// <summary><see cref="InProcessMonitoringConfig"/>'s job with a 30-minute in-process timeout (one worker needs it).</summary>
    public sealed class LongRunConfig : ManualConfig
    {
        public LongRunConfig() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }
}
