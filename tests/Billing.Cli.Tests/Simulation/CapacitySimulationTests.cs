using Billing.Cli.Simulation;
using Billing.Local.Memory;

namespace Billing.Cli.Tests.Simulation;

public sealed class CapacitySimulationTests
{
    [Fact]
    public async Task RunAsync_FortyAccounts_EveryAccountInvoicedOnceAndEachUnpaidOneDunned()
    {
        var report = await CapacitySimulation.RunAsync(new CapacityOptions(40, TimeSpan.Zero, 8, Seed: 7));

        var (billing, ingestion, dunning) = (report.Phases[0], report.Phases[1], report.Phases[2]);
        Assert.Equal(40, billing.Items);
        Assert.InRange(ingestion.Items, 1, 39);
        Assert.Equal(40 - ingestion.Items, dunning.Items);
        Assert.Equal(40 - ingestion.Items, report.DunningEmails);
        Assert.Equal(0, report.GiveUps);
        Assert.Equal(0, report.Poisoned);
    }

    [Fact]
    public async Task RunAsync_CountsEachPhasesStoreOperationsByKind()
    {
        var report = await CapacitySimulation.RunAsync(new CapacityOptions(10, TimeSpan.Zero, 4, Seed: 1));

        foreach (var phase in report.Phases)
        {
            Assert.True(phase.Operations[StoreOperation.Read] > 0, $"{phase.Name} made no point read");
            Assert.True(phase.Operations[StoreOperation.QueryPage] > 0, $"{phase.Name} made no query");
            Assert.Equal(phase.Operations.Where(o => o.Key != StoreOperation.Conflict).Sum(o => o.Value), phase.TotalOperations);
        }

        var billing = report.Phases[0];
        Assert.True(billing.PerItem(StoreOperation.Create) >= 2, "an invoice is at least a created draft and a number request");
        Assert.True(billing.PerItem(StoreOperation.Replace) >= 2, "numbering and sending replace the invoice");
        Assert.InRange(report.InvoiceBytes, 500, 100_000);
    }

    [Fact]
    public async Task RunAsync_FourTimesTheAccounts_AboutTheSameStoreOperationsPerInvoice()
    {
        var small = (await CapacitySimulation.RunAsync(new CapacityOptions(15, TimeSpan.Zero, 4, Seed: 3))).Phases[0];
        var large = (await CapacitySimulation.RunAsync(new CapacityOptions(60, TimeSpan.Zero, 4, Seed: 3))).Phases[0];

        Assert.Equal(60, large.Items);
        Assert.InRange(large.OperationsPerItem, small.OperationsPerItem * 0.75, small.OperationsPerItem * 1.25);
    }
}
