using Billing.Azure.Configuration;
using Billing.Azure.Cosmos;
using Billing.Testing;
using Billing.Testing.Emulators;
using Billing.Core.Dunning;
using Billing.Core.Messaging;
using Billing.Core.Reporting;
using Billing.Core.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Billing.Azure.Tests.Cosmos;

/// <summary>
/// Cosmos DB operations (point reads, writes, query pages: what costs request units) of a dunning run and of the report
/// snapshots, counted by <see cref="CosmosOperationCounter"/> against the stand-in, over 20 accounts with 1, 13 and 18
/// months of history (<see cref="BillingHistory"/>). Dunning must cost the same with 18× the history; the reports read
/// their 12-month windows, so 13 and 18 months must cost the same. The figures are printed for the README's table.
/// </summary>
public sealed class CosmosOperationsByHistoryTests(ITestOutputHelper output)
{
    private const int Accounts = 20;
    private static readonly DateOnly s_runDate = new(2026, 3, 1);

    [EmulatorFact]
    public async Task DunningRun_With18TimesTheHistory_CostsTheSameOperationsPerNotice()
    {
        var small = await MeasureAsync(1, DunningAsync);
        var large = await MeasureAsync(18, DunningAsync);

        output.WriteLine($"dunning, 1 month: {small}; 18 months: {large}");
        Assert.Equal(Accounts, small.Result);
        Assert.Equal(small.Result, large.Result);
        Assert.Equal(small.Operations, large.Operations);
    }

    [EmulatorFact]
    public async Task ReportSnapshots_WithHistoryBeyondTheirWindows_CostTheSameOperations()
    {
        var small = await MeasureAsync(1, ReportsAsync);
        var window = await MeasureAsync(13, ReportsAsync);
        var large = await MeasureAsync(18, ReportsAsync);

        output.WriteLine($"reports, 1 month: {small}; 13 months: {window}; 18 months: {large}");
        Assert.Equal(window.Operations, large.Operations);
        Assert.True(small.Operations.Total <= large.Operations.Total);
    }

    private static async Task<int> DunningAsync(CosmosDocumentStore store)
    {
        var options = Options.Create(new DunningOptions { Policies = { [DunningPolicy.DefaultName] = DunningPolicy.Default() } });
        var scheduler = new DunningScheduler(store, new NoQueue(), new BankFileFreshnessGuard(store, options), options, Options.Create(new QueueOptions()),
            Options.Create(new SchedulePageOptions()), NullLogger<DunningScheduler>.Instance);
        return (await scheduler.SchedulePageAsync(s_runDate, after: null)).Notices.Count;
    }

    private static async Task<int> ReportsAsync(CosmosDocumentStore store) =>
        (await new ReportBuilder(store, Options.Create(new ReportOptions()), NullLogger<ReportBuilder>.Instance).BuildAsync(s_runDate)).Count;

    /// <summary>Seeds a database of its own with <paramref name="months"/> of history, then counts what <paramref name="run"/> costs.</summary>
    private static async Task<Measured> MeasureAsync(int months, Func<CosmosDocumentStore, Task<int>> run)
    {
        AzureEmulators.EnsureReachable();
        var database = $"{AzureEmulators.RunId}-hist{months}-{Guid.NewGuid().ToString("N")[..6]}";
        using var client = new CosmosClient(AzureEmulators.CosmosConnectionString, CosmosClientFactory.Options(new Uri("https://127.0.0.1:8081/"), allowInsecureEmulatorCertificate: true));
        await CosmosContainerSetup.EnsureCreatedAsync(client, database);
        try
        {
            var store = new CosmosDocumentStore(client, database);
            await BillingHistory.SeedAsync(store, Accounts, months, s_runDate);
            var before = store.Operations.Snapshot();
            var result = await run(store);
            return new Measured(result, store.Operations.Snapshot() - before);
        }
        finally
        {
            await client.GetDatabase(database).DeleteAsync();
        }
    }

    private sealed record Measured(int Result, CosmosOperationCount Operations)
    {
        public override string ToString() => $"{Result} results, {Operations}";
    }

    private sealed class NoQueue : IWorkQueue
    {
        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
