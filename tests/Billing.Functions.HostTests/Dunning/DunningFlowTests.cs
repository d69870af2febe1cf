using Billing.Functions.HostTests.Rpc;
using Billing.Testing.Emulators;

namespace Billing.Functions.HostTests.Dunning;

[Collection(WorkerCollection.Name)]
public sealed class DunningFlowTests(WorkerFixture worker)
{
    /// <summary>No bank file has been ingested in this database's recent past, so the freshness guard blocks the run: a warning, not a failure.</summary>
    [EmulatorFact]
    public async Task ScheduleDunning_TimerInvocation_Succeeds_AndLogsWhyTheRunWasBlocked()
    {
        var response = await worker.FireTimerAsync("ScheduleDunning");

        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, response.Result.Exception?.Message);
        Assert.Contains(worker.Host.LogsOf(response), l => l.Message.Contains("Dunning for", StringComparison.Ordinal));
    }

    [EmulatorFact]
    public async Task SendDunningNotice_AMessageForAnAccountThatDoesNotExist_IsSkipped_AndTheInvocationSucceeds()
    {
        var driver = worker.Queue("SendDunningNotice");
        await driver.Queue.SendMessageAsync("{\"accountId\":\"acc-gone\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":1}]}");

        var invocation = Assert.Single(await driver.DrainAsync());

        Assert.True(invocation.Result.Status == StatusResult.Types.Status.Success, invocation.Result.Exception?.Message);
        Assert.Contains(worker.Host.LogsOf(invocation), l => l.Message.Contains("acc-gone", StringComparison.Ordinal));
    }

    [EmulatorFact]
    public async Task SendDunningNotice_AMessageWithoutItems_FailsEveryTime_WithTheParsersError()
    {
        var driver = worker.Queue("SendDunningNotice");
        await driver.Queue.SendMessageAsync("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[]}");

        var invocations = await driver.DrainAsync();

        Assert.Equal(worker.MaxDequeueCount, invocations.Count);
        Assert.All(invocations, r => Assert.Contains("dunning-notice message needs items", r.Result.Exception.Message, StringComparison.Ordinal));
    }
}
