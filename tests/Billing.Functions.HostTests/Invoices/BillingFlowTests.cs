using System.Text.Json;
using Billing.Core.Invoicing;
using Billing.Functions.HostTests.Rpc;
using Billing.Testing.Emulators;

namespace Billing.Functions.HostTests.Invoices;

/// <summary>ScheduleBilling → bill-account → BillAccount → invoices in Cosmos and blobs → send-invoice → SendInvoice → SendGrid.</summary>
[Collection(WorkerCollection.Name)]
public sealed class BillingFlowTests(WorkerFixture worker)
{
    private Task<BillingStory.Outcome> Story => worker.BillingStory.RunAsync();

    [EmulatorFact]
    public async Task ScheduleBilling_TimerInvocation_Succeeds_AndEnqueuesOneBillAccountMessagePerAccount()
    {
        var story = await Story;

        Assert.Equal(StatusResult.Types.Status.Success, story.Schedule.Result.Status);
        Assert.Equal(story.AccountIds.Count, story.BillAccountMessages);
        Assert.Contains(worker.Host.LogsOf(story.Schedule), l => l.Message.Contains("accounts enqueued", StringComparison.Ordinal));
    }

    [EmulatorFact]
    public async Task BillAccount_InvokedWithEachMessage_IssuesOneNumberedInvoicePerAccount()
    {
        var story = await Story;

        Assert.Equal(story.AccountIds.Count, story.BillAccountInvocations.Count);
        Assert.All(story.BillAccountInvocations, r => Assert.Equal(StatusResult.Types.Status.Success, r.Result.Status));
        Assert.Equal(story.AccountIds.Order(StringComparer.Ordinal), story.Invoices.Select(i => i.AccountId).Order(StringComparer.Ordinal));
        Assert.All(story.Invoices, i =>
        {
            Assert.Equal(InvoiceStatus.Open, i.Status);
            Assert.StartsWith("INV-", i.Number, StringComparison.Ordinal);
            Assert.Equal(119.00m, i.GrossTotal.Amount);
        });
    }

    [EmulatorFact]
    public async Task BillAccount_WritesThePdfAndUblOfEachInvoice_ToTheInvoicesContainer()
    {
        var story = await Story;
        var container = worker.Container("INVOICES_CONTAINER");

        foreach (var invoice in story.Invoices)
        {
            var pdf = await container.GetBlobClient(invoice.PdfPath).DownloadContentAsync();
            var ubl = await container.GetBlobClient(invoice.UblPath).DownloadContentAsync();
            Assert.StartsWith("%PDF-", pdf.Value.Content.ToString(), StringComparison.Ordinal);
            Assert.Contains(invoice.Number!, ubl.Value.Content.ToString(), StringComparison.Ordinal);
        }
    }

    [EmulatorFact]
    public async Task SendInvoice_InvokedWithEachMessage_SendsOneSendGridRequestPerInvoice()
    {
        var story = await Story;

        Assert.Equal(story.Invoices.Count, story.SendInvoiceInvocations.Count);
        Assert.All(story.SendInvoiceInvocations, r => Assert.Equal(StatusResult.Types.Status.Success, r.Result.Status));
        var recipients = worker.SendGrid.LogEntries
            .Where(e => e.RequestMessage.Path == "/v3/mail/send")
            .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(story.AccountIds.Select(a => $"ap@{a}.example").Order(StringComparer.Ordinal), recipients);
    }

    [EmulatorFact]
    public async Task SendInvoice_RecordsTheEmail_OnEachInvoice()
    {
        var story = await Story;

        foreach (var invoice in story.Invoices)
        {
            var stored = await worker.Store.ReadAsync<Invoice>(invoice.AccountId, invoice.Id);
            Assert.NotNull(stored!.Value.EmailedAt);
        }
    }
}
