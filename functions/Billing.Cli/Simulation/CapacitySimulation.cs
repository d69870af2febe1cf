using System.Diagnostics;
using System.Text.Json;
using Billing.Cli.Demo;
using Billing.Core;
using Billing.Core.Accounts;
using Billing.Core.Dunning;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Sellers;
using Billing.Core.Serialization;
using Billing.Local.Memory;
using Billing.Local.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Simulation;

/// <summary>
/// Runs the real use cases over in-memory adapters (<c>AddMemoryBilling</c>: every store operation takes the chosen
/// latency and is counted by kind) to plan capacity: the demo's seller bills the generated accounts
/// (<see cref="CapacityAccounts"/>) on one day, with the scheduled run's <c>bill-account</c> and <c>send-invoice</c>
/// messages handled by the chosen number of concurrent workers (numbering, PDF + UBL rendering, sending through a null
/// sender); twenty days later a camt.053 in which four in five customers pay (<see cref="CapacityBankFile"/>) is ingested,
/// and the dunning run chases the rest (its <c>dunning-notice</c> messages handled by the same workers). Each phase is
/// timed and its store operations counted; account import is set-up and not measured.
/// </summary>
public static class CapacitySimulation
{
    /// <summary>The billing day (a Monday); payments are booked 19 days later and dunning runs the day after.</summary>
    public static readonly DateOnly BillingDay = new(2026, 3, 2);

    /// <summary>Percent of the customers who pay before the dunning run.</summary>
    public const int PayingPercent = 80;

    public static async Task<CapacityReport> RunAsync(CapacityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = new SimulatedClock(BillingDay);
        await using var services = Build(options, clock);
        var store = services.GetRequiredService<LatentDocumentStore>();
        var queue = services.GetRequiredService<MemoryWorkQueue>();
        var handlers = services.GetServices<ILocalQueueHandler>().ToList();
        await services.GetRequiredService<AccountImporter>().ImportAsync(CapacityAccounts.Generate(options.Accounts, options.Seed, BillingDay), cancellationToken);

        var billing = await MeasureAsync(store, "billing", "invoices", async () =>
        {
            await services.GetRequiredService<BillingScheduler>().ScheduleAsync(BillingDay, cancellationToken);
            await queue.DrainAsync(handlers, options.Workers, cancellationToken);
            return (await IssuedAsync(services, cancellationToken)).Count;
        });

        var dunningDay = BillingDay.AddDays(20);
        clock.SetDay(dunningDay);
        var random = new Random(options.Seed);
        var issued = await IssuedAsync(services, cancellationToken);
        var invoiceBytes = issued.Count == 0 ? 0 : (int)issued.Average(i => BillingJson.SerializeToUtf8(i).Length);
        var paying = issued.Where(_ => random.Next(100) < PayingPercent).ToList();
        var file = CapacityBankFile.Camt053(paying, dunningDay.AddDays(-1));
        var ingestion = await MeasureAsync(store, "ingestion", "entries", async () =>
        {
            using var content = new MemoryStream(file, writable: false);
            var report = await services.GetRequiredService<BankFileIngestion>().IngestAsync($"camt053-{dunningDay:yyyy-MM-dd}.xml", content, dryRun: false, cancellationToken);
            return report.Outcome == IngestionOutcome.Processed
                ? report.Entries
                : throw new InvalidOperationException($"The simulated bank file was not processed: {report.Outcome} {report.Error}");
        });

        var emailsBefore = services.GetRequiredService<NullEmailSender>().Sent;
        var dunning = await MeasureAsync(store, "dunning", "notices", async () =>
        {
            var run = await services.GetRequiredService<DunningScheduler>().ScheduleAsync(dunningDay, dryRun: false, cancellationToken);
            if (run.BlockedReason is { } reason)
            {
                throw new InvalidOperationException($"The simulated dunning run was blocked: {reason}");
            }

            await queue.DrainAsync(handlers, options.Workers, cancellationToken);
            return run.Notices.Count;
        });

        return new CapacityReport(options, [billing, ingestion, dunning])
        {
            GiveUps = queue.Failures.GetValueOrDefault(nameof(Core.Storage.ContentionException)),
            FailedAttempts = queue.Failures.Values.Sum(),
            Poisoned = queue.Poison.Count,
            FirstPoison = queue.Poison.Select(p => $"{p.Queue}: {p.Error}").FirstOrDefault(),
            DunningEmails = services.GetRequiredService<NullEmailSender>().Sent - emailsBefore,
            InvoiceBytes = invoiceBytes,
        };
    }

    private static async Task<CapacityPhase> MeasureAsync(LatentDocumentStore store, string name, string unit, Func<Task<int>> phase)
    {
        var before = store.Operations.Snapshot();
        var started = Stopwatch.GetTimestamp();
        var items = await phase();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new CapacityPhase(name, unit, items, elapsed, CapacityPhase.Between(before, store.Operations.Snapshot()));
    }

    /// <summary>The issued invoices, read from the store underneath (not counted, not delayed).</summary>
    private static async Task<List<Invoice>> IssuedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var issued = new List<Invoice>();
        await foreach (var invoice in services.GetRequiredService<MemoryDocumentStore>().QueryAllAsync<Invoice>(cancellationToken))
        {
            if (invoice.Value.Number is not null)
            {
                issued.Add(invoice.Value);
            }
        }

        return issued;
    }

    private static ServiceProvider Build(CapacityOptions options, TimeProvider clock)
    {
        var settings = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, SellerOptions> { [SellerOptions.Section] = DemoSeller.Create() });
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(settings)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddLogging();
        services.AddBillingCore();
        services.AddMemoryBilling(options.Latency);
        return services.BuildServiceProvider();
    }
}
