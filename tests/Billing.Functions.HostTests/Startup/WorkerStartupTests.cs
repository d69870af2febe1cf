using Billing.Functions.HostTests.Rpc;
using Billing.Testing.Emulators;

namespace Billing.Functions.HostTests.Startup;

/// <summary>The worker process starts as the host starts it, initialises, indexes its own functions and loads them.</summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerStartupTests(WorkerFixture worker)
{
    [EmulatorFact]
    public void Worker_InitialisesSuccessfully_AsADotnetIsolatedWorker()
    {
        var init = worker.Host.InitResponse!;

        Assert.Equal(StatusResult.Types.Status.Success, init.Result.Status);
        Assert.Contains(".NET", init.WorkerMetadata.RuntimeName, StringComparison.OrdinalIgnoreCase);
    }

    [EmulatorFact]
    public void Worker_ReportsExactlyTheNineFunctions()
    {
        Assert.Equal(
            ["ApplySuspenseDecisions", "BillAccount", "IngestBankFile", "RelayEvents", "ScheduleBilling", "ScheduleBillingPage", "ScheduleDunning", "ScheduleDunningPage", "SendDunningNotice", "SendInvoice", "SnapshotReports"],
            worker.Host.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [EmulatorTheory]
    [InlineData("ScheduleBilling", "timerTrigger", "schedule", "%BILLING_SCHEDULE%")]
    [InlineData("BillAccount", "queueTrigger", "queueName", "%BILL_ACCOUNT_QUEUE%")]
    [InlineData("SendInvoice", "queueTrigger", "queueName", "%SEND_INVOICE_QUEUE%")]
    [InlineData("ScheduleDunning", "timerTrigger", "schedule", "%DUNNING_SCHEDULE%")]
    [InlineData("SendDunningNotice", "queueTrigger", "queueName", "%DUNNING_NOTICE_QUEUE%")]
    [InlineData("ScheduleBillingPage", "queueTrigger", "queueName", "%SCHEDULE_BILLING_PAGE_QUEUE%")]
    [InlineData("ScheduleDunningPage", "queueTrigger", "queueName", "%SCHEDULE_DUNNING_PAGE_QUEUE%")]
    [InlineData("SnapshotReports", "timerTrigger", "schedule", "%REPORTS_SCHEDULE%")]
    [InlineData("RelayEvents", "timerTrigger", "schedule", "%EVENTS_RELAY_SCHEDULE%")]
    [InlineData("IngestBankFile", "blobTrigger", "path", "%BANK_FILES_CONTAINER%/incoming/{name}")]
    [InlineData("ApplySuspenseDecisions", "blobTrigger", "path", "%BANK_FILES_CONTAINER%/decisions/{name}")]
    public void Function_IsReportedWithItsTrigger_AndItsBindingExpressionResolves(string name, string triggerType, string property, string expression)
    {
        var function = worker.Host.Function(name);

        Assert.Equal(triggerType, function.TriggerType);
        Assert.Equal(expression, function.TriggerProperty(property));
        Assert.DoesNotContain("%", worker.Host.Resolve(expression), StringComparison.Ordinal);
        Assert.Equal("Billing.Functions.dll", function.Metadata.ScriptFile);
    }

    [EmulatorTheory]
    [InlineData("IngestBankFile")]
    [InlineData("ApplySuspenseDecisions")]
    public void BlobFunction_IsEventGridSourced_AndBindsTheBlobAsAnSdkType(string name)
    {
        var function = worker.Host.Function(name);

        Assert.Equal("EventGrid", function.TriggerProperty("source"));
        Assert.Equal("True", function.TriggerBindingProperties["supportsDeferredBinding"], ignoreCase: true);
    }
}
