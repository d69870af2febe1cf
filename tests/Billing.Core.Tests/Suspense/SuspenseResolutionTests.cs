using System.Text;
using Billing.Core.Invoicing;
using Billing.Core.Matching;
using Billing.Core.Suspense;
using Billing.Core.Tests.Ingestion;
using Billing.Testing;

namespace Billing.Core.Tests.Suspense;

public sealed class SuspenseResolutionTests
{
    [Fact]
    public async Task Apply_GoodAndBadLines_AppliesTheGoodAndReportsTheBad()
    {
        using var s = await PaymentScenario.StartAsync();
        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "thanks" }, new TestEntry(5m, "B2") { Text = "??" }]));
        var parked = await s.World.Get<SuspenseQueries>().ListAsync();
        var big = parked.Single(p => p.Amount.Amount == 119m);
        var small = parked.Single(p => p.Amount.Amount == 5m);
        var csv = $"payment_id,decision,target,note\n{big.Id},invoice,INV-2026-000002,\"phoned, confirmed\"\n{small.Id},invoice,INV-2099-1,\nnope,maybe,,\n{small.Id},account,acme,small rest\n";

        var report = await s.World.Get<SuspenseResolution>().ApplyAsync("decisions.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(2, report.Applied);
        Assert.Equal([3, 4], report.Lines.Where(l => l.Status == DecisionStatus.Rejected).Select(l => l.Line));
        Assert.Equal(InvoiceStatus.Paid, (await s.InvoiceAsync("INV-2026-000002")).Status);
        Assert.Equal(5m, (await s.InvoiceAsync("INV-2026-000001")).AmountPaid.Amount);
        Assert.Empty(await s.World.Get<SuspenseQueries>().ListAsync());
        var applied = (await s.PaymentsAsync()).Single(p => p.Id == big.Id);
        Assert.Equal(("globex", MatchRule.Manual, "phoned, confirmed"), (applied.AccountId, applied.Rule!.Value, applied.ResolutionNote!));

        var again = await s.World.Get<SuspenseResolution>().ApplyAsync("decisions.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(0, again.Applied);
        Assert.Equal(5m, (await s.InvoiceAsync("INV-2026-000001")).AmountPaid.Amount);
    }

    [Fact]
    public async Task Apply_SameDecisionsByTwoPeopleAtOnce_OneAppliesTheOtherIsToldItIsResolved()
    {
        using var s = await PaymentScenario.StartAsync();
        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "thanks" }]));
        var parked = Assert.Single(await s.World.Get<SuspenseQueries>().ListAsync());
        var csv = Encoding.UTF8.GetBytes($"payment_id,decision,target,note\n{parked.Id},account,globex,\n");
        var arrived = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.World.Store.BeforeReplace = async key =>
        {
            if (key.Id == parked.Id && Interlocked.Increment(ref arrived) <= 2)
            {
                if (arrived >= 2)
                {
                    both.TrySetResult();
                }

                await both.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        };

        var reports = await Task.WhenAll(
            Task.Run(() => s.World.Get<SuspenseResolution>().ApplyAsync("a.csv", new MemoryStream(csv))),
            Task.Run(() => s.World.Get<SuspenseResolution>().ApplyAsync("b.csv", new MemoryStream(csv))));

        Assert.Equal([DecisionStatus.Applied, DecisionStatus.AlreadyResolved], reports.Select(r => Assert.Single(r.Lines).Status).Order());
        Assert.Equal(119m, (await s.InvoiceAsync("INV-2026-000002")).AmountPaid.Amount);
    }

    [Fact]
    public async Task Apply_AccountDecisionInAnotherCurrency_IsRejected()
    {
        using var s = await PaymentScenario.StartAsync();
        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(50m, "B1") { Text = "thanks", Currency = "CHF" }]));
        var parked = Assert.Single(await s.World.Get<SuspenseQueries>().ListAsync());

        var report = await s.World.Get<SuspenseResolution>().ApplyAsync("d.csv", new MemoryStream(Encoding.UTF8.GetBytes($"payment_id,decision,target,note\n{parked.Id},account,acme,\n")));

        var line = Assert.Single(report.Lines);
        Assert.Equal(DecisionStatus.Rejected, line.Status);
        Assert.Contains("billed in EUR but the payment is in CHF", line.Message, StringComparison.Ordinal);
        Assert.Single(await s.World.Get<SuspenseQueries>().ListAsync());
    }

    [Fact]
    public async Task Apply_WrongHeader_RejectsTheFile()
    {
        using var s = await PaymentScenario.StartAsync();

        var report = await s.World.Get<SuspenseResolution>().ApplyAsync("d.csv", new MemoryStream(Encoding.UTF8.GetBytes("id,what\n")));

        Assert.Equal(DecisionStatus.Rejected, Assert.Single(report.Lines).Status);
    }
}
