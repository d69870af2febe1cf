using System.Globalization;
using Billing.Testing.Simulation;
using Xunit.Abstractions;

namespace Billing.Core.Tests.Simulation;

/// <summary>
/// The seeded concurrency simulation (FoundationDB/Jepsen style): many seeds, each a different mix of workers, files,
/// faults and interleavings. A failing seed prints a one-line reproduction. <c>BILLING_SIM_SEEDS</c> sets how many seeds
/// (default 500), <c>BILLING_SIM_SEED</c> runs one.
/// </summary>
public sealed class MoneySimulationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Simulation_ManySeeds_EveryInvariantHolds()
    {
        var seeds = Environment.GetEnvironmentVariable("BILLING_SIM_SEED") is { Length: > 0 } one
            ? [int.Parse(one, CultureInfo.InvariantCulture)]
            : Enumerable.Range(1, int.Parse(Environment.GetEnvironmentVariable("BILLING_SIM_SEEDS") ?? "500", CultureInfo.InvariantCulture)).ToArray();
        var failures = new List<string>();
        long faults = 0;
        var poisoned = 0;
        var coverage = new SimulationCoverage(0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var seed in seeds)
        {
            using var simulation = new MoneySimulation(seed);
            var violations = await simulation.RunAsync();
            faults += simulation.FaultsInjected;
            poisoned += simulation.Poisoned;
            coverage += simulation.Exercised;
            if (violations.Count > 0)
            {
                failures.Add($"seed {seed}: {string.Join(" | ", violations.Take(5))}\n  reproduce: BILLING_SIM_SEED={seed} dotnet test tests/Billing.Core.Tests --filter FullyQualifiedName~MoneySimulationTests");
            }
        }

        output.WriteLine($"{seeds.Length} seeds, {faults} faults injected, {poisoned} messages poisoned and replayed, {failures.Count} failing seeds; {coverage}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        if (seeds.Length >= 20)
        {
            Assert.True(!coverage.Missing().Any(), $"the simulation never produced: {string.Join(", ", coverage.Missing())} ({coverage})");
        }
    }
}
