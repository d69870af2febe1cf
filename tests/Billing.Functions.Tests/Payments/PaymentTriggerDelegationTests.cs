using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Billing.Core;
using Billing.Core.Accounts;
using Billing.Core.Documents;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Core.Suspense;
using Billing.Functions.Payments;
using Billing.Functions.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Billing.Functions.Tests.Support.StoredSequences;

namespace Billing.Functions.Tests.Payments;

/// <summary>The payment triggers bind the blob name, hand the blob to their one use case in Core, and never throw for bad content.</summary>
public sealed class PaymentTriggerDelegationTests
{
    private const string Container = "bank-files";

    private readonly IDocumentStore _store = Substitute.For<IDocumentStore>();
    private readonly IBlobStore _blobs = Substitute.For<IBlobStore>();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public PaymentTriggerDelegationTests()
    {
        _store.QueryAllAsync<Account>(Arg.Any<CancellationToken>()).Returns(_ => Empty<Account>());
        _store.QueryAllAsync<Invoice>(Arg.Any<CancellationToken>()).Returns(_ => Empty<Invoice>());
    }

    [Fact]
    public async Task IngestBankFile_IngestsTheIncomingBlob_AndMovesItToProcessed()
    {
        GivenBlob("incoming/stmt-0302.xml", CamtWithOneDebit);
        var logger = new ListLogger<IngestBankFile>();

        await Function(logger).RunAsync(Client("incoming/stmt-0302.xml"), "stmt-0302.xml", CancellationToken.None);

        await _blobs.Received(1).MoveAsync(
            new BlobRef(Container, "incoming/stmt-0302.xml"), Arg.Is<BlobRef>(b => b.Path.StartsWith("processed/2026-03-02/", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
        var ingested = Assert.Single(logger.Entries, e => e.Values.ContainsKey("AppliedCount"));
        Assert.Equal(LogLevel.Information, ingested.Level);
        Assert.Equal(1, ingested.Values["EntryCount"]);
    }

    [Fact]
    public async Task IngestBankFile_AMalformedFile_IsQuarantined_LoggedAsAWarning_AndDoesNotThrow()
    {
        GivenBlob("incoming/broken.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt>");
        var logger = new ListLogger<IngestBankFile>();

        await Function(logger).RunAsync(Client("incoming/broken.xml"), "broken.xml", CancellationToken.None);

        await _blobs.Received(1).MoveAsync(
            new BlobRef(Container, "incoming/broken.xml"), Arg.Is<BlobRef>(b => b.Path.StartsWith("quarantine/", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
        var quarantined = Assert.Single(logger.Entries, e => e.Values.ContainsKey("Position"));
        Assert.Equal(LogLevel.Warning, quarantined.Level);
        Assert.Equal("broken.xml", quarantined.Values["FileName"]);
    }

    [Fact]
    public async Task IngestBankFile_WhenAnEarlierRunAlreadyMovedTheBlob_DoesNothing()
    {
        var logger = new ListLogger<IngestBankFile>();

        await Function(logger).RunAsync(Client("incoming/gone.xml"), "gone.xml", CancellationToken.None);

        await _blobs.DidNotReceiveWithAnyArgs().MoveAsync(default, default);
        Assert.Single(logger.Entries, e => e.Message.Contains("no longer under incoming/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplySuspenseDecisions_WritesThePerLineResult_UnderDecisionsResults_NotUnderDecisions()
    {
        GivenBlob("decisions/2026-03-02.csv", "payment_id,decision,target,note\npay-unknown,refund,,customer asked\n");
        var written = CaptureWrites();
        var logger = new ListLogger<ApplySuspenseDecisions>();

        await Decisions(logger).RunAsync(Client("decisions/2026-03-02.csv"), "2026-03-02.csv", CancellationToken.None);

        var result = Assert.Single(written);
        Assert.Equal(new BlobRef(Container, "decisions-results/2026-03-02.csv.json"), result.Key);
        using var json = JsonDocument.Parse(result.Value);
        var line = Assert.Single(json.RootElement.GetProperty("lines").EnumerateArray());
        Assert.Equal(2, line.GetProperty("line").GetInt32());
        Assert.Equal("pay-unknown", line.GetProperty("paymentId").GetString());
        var rejected = Assert.Single(logger.Entries, e => e.Values.ContainsKey("Reason"));
        Assert.Equal(LogLevel.Warning, rejected.Level);
        Assert.Equal(2, rejected.Values["Line"]);
        Assert.Contains("was ever ingested", (string)rejected.Values["Reason"]!, StringComparison.Ordinal);
        Assert.Single(logger.Entries, e => e.Values.ContainsKey("RejectedCount") && (int)e.Values["RejectedCount"]! == 1);
    }

    [Fact]
    public async Task ApplySuspenseDecisions_AFileWithoutTheHeader_IsReportedAsRejected_AndDoesNotThrow()
    {
        GivenBlob("decisions/bad.csv", "id;what\n");
        var written = CaptureWrites();
        var logger = new ListLogger<ApplySuspenseDecisions>();

        await Decisions(logger).RunAsync(Client("decisions/bad.csv"), "bad.csv", CancellationToken.None);

        Assert.Contains("payment_id,decision,target,note", Assert.Single(written).Value, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(logger.Entries, e => e.Values.ContainsKey("Reason")).Values["Line"]);
    }

    [Fact]
    public async Task ApplySuspenseDecisions_WhenTheBlobIsGone_WritesNothing()
    {
        var logger = new ListLogger<ApplySuspenseDecisions>();

        await Decisions(logger).RunAsync(Client("decisions/gone.csv"), "gone.csv", CancellationToken.None);

        await _blobs.DidNotReceiveWithAnyArgs().WriteAsync(default, default!, default!);
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Entries, e => e.Values.ContainsKey("Blob") && !e.Values.ContainsKey("TriggerBlob")).Level);
    }

    private const string CamtWithOneDebit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
        <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T08:00:00+01:00</CreDtTm></GrpHdr>
        <Stmt><Id>STMT-1</Id><CreDtTm>2026-03-02T08:00:00+01:00</CreDtTm>
        <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
        <Ntry><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt><AcctSvcrRef>FEE-1</AcctSvcrRef></Ntry>
        </Stmt></BkToCstmrStmt></Document>
        """;

    private void GivenBlob(string path, string content) =>
        _blobs.OpenReadAsync(new BlobRef(Container, path), Arg.Any<CancellationToken>())
            .Returns(_ => Task.FromResult<Stream?>(new MemoryStream(Encoding.UTF8.GetBytes(content))));

    private Dictionary<BlobRef, string> CaptureWrites()
    {
        var written = new Dictionary<BlobRef, string>();
        _blobs.WriteAsync(Arg.Any<BlobRef>(), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<IReadOnlyDictionary<string, string>?>(), Arg.Any<CancellationToken>())
            .Returns(ci =>
            {
                using var reader = new StreamReader(ci.ArgAt<Stream>(1));
                written[ci.ArgAt<BlobRef>(0)] = reader.ReadToEnd();
                return Task.CompletedTask;
            });
        return written;
    }

    private static BlobClient Client(string path) => new(new Uri($"https://stbilling.blob.core.windows.net/{Container}/{path}"));

    private IngestBankFile Function(ILogger<IngestBankFile> logger) =>
        new(UseCase<BankFileIngestion>(), Options.Create(new BlobContainerOptions()), logger);

    private ApplySuspenseDecisions Decisions(ILogger<ApplySuspenseDecisions> logger) =>
        new(UseCase<SuspenseResolution>(), _blobs, Options.Create(new BlobContainerOptions()), logger);

    /// <summary>The use cases as AddBillingCore wires them, over substitutes of every port.</summary>
    private T UseCase<T>() where T : notnull
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build())
            .AddSingleton<TimeProvider>(_time)
            .AddBillingCore();
        services.AddSingleton(_store);
        services.AddSingleton(_blobs);
        services.AddSingleton(Substitute.For<IWorkQueue>());
        services.AddSingleton(Substitute.For<IEmailSender>());
        services.AddSingleton(Substitute.For<IInvoiceDocumentRenderer>());
        services.AddSingleton(Substitute.For<IEventPublisher>());
        return services.BuildServiceProvider().GetRequiredService<T>();
    }

    private static Dictionary<string, string?> Settings() => SampleSeller.Settings();
}
