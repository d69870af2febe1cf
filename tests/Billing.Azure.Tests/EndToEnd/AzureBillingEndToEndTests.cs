using System.Text.Json;
using Billing.Azure.Tests.Email;
using Billing.Azure.Tests.Emulators;
using Billing.Core.Delivery;
using Billing.Core.Invoicing;
using Billing.Testing.Emulators;
using WireMock.RequestBuilders;
using WireMock.Server;
using WireMock.Settings;
using Xunit.Abstractions;
using Response = WireMock.ResponseBuilders.Response;

namespace Billing.Azure.Tests.EndToEnd;

public sealed class AzureBillingEndToEndTests : IClassFixture<CosmosEmulatorFixture>, IDisposable
{
    private readonly CosmosEmulatorFixture _cosmos;
    private readonly ITestOutputHelper _output;
    private readonly WireMockServer _sendGrid = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{SendGridEmailSenderTests.FreePort()}"] });

    public AzureBillingEndToEndTests(CosmosEmulatorFixture cosmos, ITestOutputHelper output)
    {
        _cosmos = cosmos;
        _output = output;
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "sg-e2e"));
    }

    [EmulatorFact]
    public async Task ThreeAccountsBilledConcurrentlyTwice_GetGaplessNumbers_AndOneMailEach()
    {
        using var rig = new BillingRig(_cosmos, _sendGrid.Url!);
        var accounts = new[] { await rig.SeedAccountAsync(), await rig.SeedAccountAsync(), await rig.SeedAccountAsync() };
        var billingDate = new DateOnly(2026, 3, 31);

        await Task.WhenAll(accounts.Concat(accounts).Select(a => Task.Run(() => rig.Biller.BillAsync(a, billingDate))));
        var messages = await rig.DrainSendQueueAsync();
        // Messages are handled one after another: InvoiceMailer has no claim, so two copies of one send-invoice
        // message handled at the same moment can both send (see the report); one by one, the second finds EmailedAt.
        foreach (var message in messages)
        {
            await rig.Mailer.SendAsync(message.AccountId, message.InvoiceId);
        }

        var invoices = new List<Invoice>();
        foreach (var account in accounts)
        {
            await foreach (var stored in rig.Store.QueryPartitionAsync<Invoice>(account))
            {
                invoices.Add(stored.Value);
            }
        }

        Assert.Equal(3, invoices.Count);
        Assert.InRange(messages.Count, 3, 6);
        Assert.Equal(Enumerable.Range(1, 3).Select(n => InvoiceNumberSequence.Format(rig.Series, n)), invoices.Select(i => i.Number).Order(StringComparer.Ordinal));
        Assert.All(invoices, i => Assert.NotNull(i.EmailedAt));
        var mailed = _sendGrid.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("custom_args").GetProperty("invoiceId").GetString()).ToList();
        _output.WriteLine($"send-invoice messages: {messages.Count}; mails: {string.Join(", ", mailed)}");
        Assert.Equal(invoices.Select(i => i.Id).Order(StringComparer.Ordinal), mailed.Order(StringComparer.Ordinal));
    }

    [EmulatorFact]
    public async Task CosmosOperations_PerInvoiceIssuedAndSent_AreCounted()
    {
        using var rig = new BillingRig(_cosmos, _sendGrid.Url!);
        var account = await rig.SeedAccountAsync($"plan-{Guid.NewGuid():N}");

        var before = rig.Store.Operations.Snapshot();
        var issued = Assert.Single(await rig.Biller.BillAsync(account, new DateOnly(2026, 3, 31)));
        var afterIssue = rig.Store.Operations.Snapshot();
        Assert.IsType<InvoiceSendOutcome.Sent>(await rig.Mailer.SendAsync(account, issued.Id));
        var afterSend = rig.Store.Operations.Snapshot();

        var issue = afterIssue - before;
        var send = afterSend - afterIssue;
        _output.WriteLine($"Cosmos operations per invoice issued (AccountBiller, first invoice of a new series): {issue}");
        _output.WriteLine($"Cosmos operations per invoice sent (InvoiceMailer): {send}");
        Assert.InRange(issue.Total, 5, 40);
        Assert.InRange(send.Total, 2, 10);
    }

    public void Dispose() => _sendGrid.Stop();
}
