using System.Globalization;
using Billing.Local.Storage;
using Billing.Local.Tests.Support;
using Billing.Testing.Simulation;
using Xunit.Abstractions;

namespace Billing.Local.Tests.Simulation;

/// <summary>
/// The money simulation of Billing.Core.Tests over the embedded default's real SQLite store (a real file): fewer seeds
/// than the in-memory run (a SQLite write is a commit), the same invariants. <c>BILLING_SIM_SQLITE_SEEDS</c> sets how many.
/// </summary>
public sealed class SqliteMoneySimulationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Simulation_OnTheSqliteStore_EveryInvariantHolds()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("BILLING_SIM_SQLITE_SEEDS") ?? "25", CultureInfo.InvariantCulture);
        var failures = new List<string>();
        for (var seed = 10_001; seed < 10_001 + count; seed++)
        {
            using var dir = new TempDataDirectory();
            using var database = new LocalDatabase(dir.Data);
            using var simulation = new MoneySimulation(seed, new SqliteDocumentStore(database, TimeProvider.System));
            var violations = await simulation.RunAsync();
            if (violations.Count > 0)
            {
                failures.Add($"seed {seed} (SQLite): {string.Join(" | ", violations.Take(5))}");
            }
        }

        output.WriteLine($"{count} seeds on SQLite, {failures.Count} failing");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }
}
