using System.Text;
using Billing.Core.Events;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Matching;
using Billing.Core.Payments;
using Billing.Core.Storage;
using Billing.Core.Suspense;
using Billing.Testing;
using static Billing.Core.Tests.Ingestion.PaymentScenario;

namespace Billing.Core.Tests.Ingestion;

public sealed class BankFileIngestionTests
{
    [Fact]
    public async Task Ingest_StructuredRfReference_PaysTheInvoice()
    {
        using var s = await StartAsync();
        var invoice = await s.InvoiceAsync("INV-2026-000001");

        var report = await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { CreditorReference = invoice.CreditorReference }]));

        var paid = await s.InvoiceAsync("INV-2026-000001");
        Assert.Equal(IngestionOutcome.Processed, report.Outcome);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(0m, paid.AmountDue.Amount);
        Assert.Equal(new DateOnly(2026, 1, 20), paid.PaidDate);
        var payment = Assert.Single(await s.PaymentsAsync());
        Assert.Equal(MatchRule.CreditorReference, payment.Rule);
        Assert.Equal(1.0m, payment.Confidence);
        Assert.Contains(s.World.Events.Events.Values, e => e.Type == EventTypes.PaymentApplied && e.Id == $"PaymentApplied:{payment.Id}");
    }

    [Theory]
    [InlineData("inv 2026 1")]
    [InlineData("INV2026-000001")]
    [InlineData("Rechnung INV-2026-00001 danke")]
    [InlineData("RF-less text with inv-2026-0000001")]
    public async Task Ingest_InvoiceNumberInText_PaysTheInvoice(string text)
    {
        using var s = await StartAsync();

        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = text }]));

        Assert.Equal(InvoiceStatus.Paid, (await s.InvoiceAsync("INV-2026-000001")).Status);
        Assert.Equal(MatchRule.InvoiceNumber, Assert.Single(await s.PaymentsAsync()).Rule);
    }

    [Fact]
    public async Task Ingest_RfReferenceInText_PaysTheInvoice()
    {
        using var s = await StartAsync();
        var rf = CreditorReference.ToPrintFormat((await s.InvoiceAsync("INV-2026-000002")).CreditorReference!);

        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = $"Payment {rf} thanks" }]));

        Assert.Equal(InvoiceStatus.Paid, (await s.InvoiceAsync("INV-2026-000002")).Status);
        Assert.Equal(MatchRule.CreditorReference, Assert.Single(await s.PaymentsAsync()).Rule);
    }

    [Fact]
    public async Task Ingest_SeveralNumbers_PaysOldestFirstInFullAndTheRestPartly()
    {
        using var s = await StartAsync(months: 2);

        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(200m, "B1") { Text = "INV-2026-000003 and INV-2026-000001" }]));

        Assert.Equal(InvoiceStatus.Paid, (await s.InvoiceAsync("INV-2026-000001")).Status);
        var second = await s.InvoiceAsync("INV-2026-000003");
        Assert.Equal(InvoiceStatus.Open, second.Status);
        Assert.Equal(38m, second.AmountDue.Amount);
    }

    [Fact]
    public async Task Ingest_EndToEndIdIssuedBySystem_PaysTheInvoice()
    {
        using var s = await StartAsync();
        var invoice = await s.InvoiceAsync("INV-2026-000001");

        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { EndToEndId = invoice.CreditorReference }]));

        Assert.Equal(MatchRule.EndToEndId, Assert.Single(await s.PaymentsAsync()).Rule);
        Assert.Equal(InvoiceStatus.Paid, (await s.InvoiceAsync("INV-2026-000001")).Status);
    }

    [Fact]
    public async Task Ingest_KnownPayerIbanAndSumOfOpenInvoices_PaysThem()
    {
        using var s = await StartAsync(months: 2);

        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(238m, "B1") { PayerIban = AcmeIban, Text = "monthly fees" }]));

        var payment = Assert.Single(await s.PaymentsAsync());
        Assert.Equal(MatchRule.PayerIbanAndAmount, payment.Rule);
        Assert.Equal(["INV-2026-000001", "INV-2026-000003"], payment.Allocations.Select(a => a.InvoiceNumber));
    }

    [Fact]
    public async Task Ingest_NoRuleMatches_ParksWithRankedSuggestions()
    {
        using var s = await StartAsync();

        var report = await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { PayerName = "GLOBEX CORPORATION", Text = "thanks" }]));

        Assert.Equal(1, Count(report, EntryOutcome.Parked));
        var parked = Assert.Single(await s.World.Get<SuspenseQueries>().ListAsync());
        Assert.Equal(Payment.SuspensePartition, parked.AccountId);
        Assert.Equal("globex", parked.Suggestions[0].AccountId);
        Assert.Contains("resembles", parked.Suggestions[0].Why, StringComparison.Ordinal);
        Assert.Contains(s.World.Events.Events.Values, e => e.Type == EventTypes.PaymentParked);
        Assert.Equal(InvoiceStatus.Open, (await s.InvoiceAsync("INV-2026-000002")).Status);
    }

    [Fact]
    public async Task Ingest_OtherCurrency_ParksInsteadOfConverting()
    {
        using var s = await StartAsync();

        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Currency = "USD", Text = "INV-2026-000001" }]));

        var parked = Assert.Single(await s.PaymentsAsync());
        Assert.Equal(PaymentStatus.Parked, parked.Status);
        Assert.Contains("not converted", parked.ParkReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_PartialPayment_LeavesTheInvoiceOpenWithLessDue()
    {
        using var s = await StartAsync();

        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(19m, "B1") { Text = "INV-2026-000001" }]));

        var invoice = await s.InvoiceAsync("INV-2026-000001");
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(100m, invoice.AmountDue.Amount);
        Assert.Equal(19m, invoice.AmountPaid.Amount);
    }

    [Fact]
    public async Task Ingest_Overpayment_GoesToCreditBalanceThatTheNextInvoiceUses()
    {
        using var s = await StartAsync();

        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(150m, "B1") { Text = "INV-2026-000001" }]));
        Assert.Equal(31m, (await s.CreditAsync("acme"))!.Balance.Amount);

        await s.World.RunDailyUntilAsync(new DateOnly(2026, 2, 1));

        var february = (await s.World.InvoicesAsync()).Single(i => i.AccountId == "acme" && i.BillingDate == new DateOnly(2026, 2, 1));
        Assert.Equal(31m, february.AmountPaid.Amount);
        Assert.Equal(88m, february.AmountDue.Amount);
        Assert.Contains(february.Payments, p => p.PaymentId == $"credit:{february.Id}");
        var credit = (await s.CreditAsync("acme"))!;
        Assert.Equal(0m, credit.Balance.Amount);
        Assert.Equal(2, credit.Movements.Count);
    }

    [Fact]
    public async Task Ingest_SameFileTwice_IsRefusedAsDuplicatePointingAtTheFirst()
    {
        using var s = await StartAsync();
        var bytes = TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "INV-2026-000001" }]).ToArray();

        var first = await s.IngestAsync(new MemoryStream(bytes), "monday.xml");
        var second = await s.IngestAsync(new MemoryStream(bytes), "monday-again.xml");

        Assert.Equal(IngestionOutcome.Duplicate, second.Outcome);
        Assert.Equal("monday.xml", second.DuplicateOf!.FileName);
        Assert.Equal(first.StoredPath, second.DuplicateOf.StoredPath);
        Assert.Equal(119m, (await s.InvoiceAsync("INV-2026-000001")).AmountPaid.Amount);
        Assert.StartsWith("processed/", first.StoredPath, StringComparison.Ordinal);
        Assert.DoesNotContain(s.World.Blobs.Blobs, b => b.Path.StartsWith("incoming/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_Mt942ThenMt940_DoesNotDoubleCount()
    {
        using var s = await StartAsync();
        TestEntry[] entries = [new(50m, "BANKREF1") { Text = "INV-2026-000001" }, new(60m, "BANKREF2") { Text = "INV-2026-000001" }];

        var interim = await s.IngestAsync(TestBankFiles.Mt940(entries, interim: true), "intraday.sta");
        var statement = await s.IngestAsync(TestBankFiles.Mt940([.. entries, new(9m, "BANKREF3") { Text = "INV-2026-000001" }]), "day.sta");

        Assert.Equal(2, Count(interim, EntryOutcome.Applied));
        Assert.Equal(2, Count(statement, EntryOutcome.AlreadyIngested));
        Assert.Equal(1, Count(statement, EntryOutcome.Applied));
        Assert.Equal(InvoiceStatus.Paid, (await s.InvoiceAsync("INV-2026-000001")).Status);
        Assert.Equal(3, (await s.PaymentsAsync()).Count);
    }

    [Theory]
    [InlineData("statement\\march.xml", "contains '\\' at character 10")]
    [InlineData("tab\there.xml", "control character U+0009 at character 4")]
    [InlineData("..", "is not a file name")]
    public async Task Ingest_FileNameTheStoresRefuse_IsQuarantinedBeforeAnythingIsApplied(string name, string expected)
    {
        using var s = await StartAsync();
        var invoice = await s.InvoiceAsync("INV-2026-000001");

        var report = await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { CreditorReference = invoice.CreditorReference }]), name);

        Assert.Equal(IngestionOutcome.Quarantined, report.Outcome);
        Assert.Equal("file name", report.ErrorPosition);
        Assert.Contains(expected, report.Error, StringComparison.Ordinal);
        Assert.Contains(name, report.Error, StringComparison.Ordinal);
        Assert.Empty(await s.PaymentsAsync());
        Assert.Equal(InvoiceStatus.Open, (await s.InvoiceAsync("INV-2026-000001")).Status);
        Assert.StartsWith("quarantine/", report.StoredPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FileNameLongerThanTheStoresAllow_IsQuarantinedNamingTheLimit()
    {
        using var s = await StartAsync();

        var report = await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "INV-2026-000001" }]), new string('a', 250) + ".xml");

        Assert.Equal(IngestionOutcome.Quarantined, report.Outcome);
        Assert.Contains("the file name is 254 bytes long; expected at most 234", report.Error, StringComparison.Ordinal);
        Assert.Empty(await s.PaymentsAsync());
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(report.FileName) <= BankFileName.MaxBytes);
    }

    [Fact]
    public async Task Ingest_MalformedFile_GoesToQuarantineNamingThePosition()
    {
        using var s = await StartAsync();
        var broken = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Ntry>"));

        var report = await s.IngestAsync(broken, "broken.xml");

        Assert.Equal(IngestionOutcome.Quarantined, report.Outcome);
        Assert.False(string.IsNullOrEmpty(report.ErrorPosition));
        Assert.StartsWith("quarantine/", report.StoredPath, StringComparison.Ordinal);
        Assert.Contains(s.World.Blobs.Blobs, b => b.Path == report.ReportPath);
        Assert.Empty(await s.PaymentsAsync());
    }

    [Fact]
    public async Task Ingest_BlobFromIncoming_MovesItAndWritesReportsOutsideIncoming()
    {
        using var s = await StartAsync();
        var incoming = new BlobRef("bank-files", "incoming/jan.xml");
        await s.World.Blobs.WriteAsync(incoming, TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "INV-2026-000001" }]), "application/xml");

        var report = await s.Ingestion.IngestAsync(incoming, dryRun: false);

        Assert.Equal(IngestionOutcome.Processed, report.Outcome);
        Assert.All(s.World.Blobs.Blobs, b => Assert.DoesNotMatch("^incoming/", b.Path));
        Assert.Contains(s.World.Blobs.Blobs, b => b.Path == $"{report.StoredPath}.report.txt");
    }

    [Fact]
    public async Task Ingest_StatementOfAnotherAccount_IsIgnoredWithAWarning()
    {
        using var s = await StartAsync();

        var report = await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "INV-2026-000001" }], account: "FR7630006000011234567890189"));

        Assert.Equal(1, Count(report, EntryOutcome.UnknownAccount));
        Assert.Contains(report.Warnings, w => w.Contains("not one of the company's own accounts", StringComparison.Ordinal));
        Assert.Empty(await s.PaymentsAsync());
    }

    [Fact]
    public async Task Ingest_ReturnOfAPayment_UndoesItAndReopensTheInvoice()
    {
        using var s = await StartAsync();
        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "INV-2026-000001", EndToEndId = "E2E-77" }]));

        var report = await s.IngestAsync(TestBankFiles.Camt053(
            [new TestEntry(119m, "B2") { Credit = false, Reversal = true, ReturnReason = "AC04", EndToEndId = "E2E-77", Date = "2026-01-23" }], statementId: "STMT-2"));

        Assert.Equal(1, Count(report, EntryOutcome.Returned));
        var invoice = await s.InvoiceAsync("INV-2026-000001");
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(119m, invoice.AmountDue.Amount);
        Assert.Null(invoice.PaidDate);
        Assert.Equal(PaymentStatus.Returned, Assert.Single(await s.PaymentsAsync()).Status);
        Assert.Contains(s.World.Events.Events.Values, e => e.Type == EventTypes.PaymentReturned);
    }

    [Fact]
    public async Task Ingest_ReturnWithoutOriginal_IsParkedForAPerson()
    {
        using var s = await StartAsync();

        var report = await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(42m, "B9") { Credit = false, ReturnReason = "MD06" }]));

        Assert.Equal(1, Count(report, EntryOutcome.ReturnParked));
        var parked = Assert.Single(await s.World.Get<SuspenseQueries>().ListAsync());
        Assert.True(parked.IsReturn);
        Assert.Equal(-42m, parked.Amount.Amount);
    }

    [Fact]
    public async Task Ingest_DryRun_ReportsAndWritesNothing()
    {
        using var s = await StartAsync();
        var documents = s.World.Store.Count;
        var blobs = s.World.Blobs.Blobs.Count;

        var report = await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "INV-2026-000001" }]), dryRun: true);

        Assert.True(report.DryRun);
        Assert.Equal(1, Count(report, EntryOutcome.Applied));
        Assert.Equal(documents, s.World.Store.Count);
        Assert.Equal(blobs, s.World.Blobs.Blobs.Count);
        Assert.Equal(InvoiceStatus.Open, (await s.InvoiceAsync("INV-2026-000001")).Status);
    }

    [Fact]
    public async Task Ingest_ReplayAfterCrashBeforeTheFileRecord_ChangesNothing()
    {
        using var s = await StartAsync();
        var bytes = TestBankFiles.Camt053([new TestEntry(150m, "B1") { Text = "INV-2026-000001" }, new TestEntry(7m, "B2") { Text = "?" }]).ToArray();
        var first = await s.IngestAsync(new MemoryStream(bytes));
        await s.World.Store.DeleteAsync<BankFileRecord>(first.FileId, first.FileId);

        var replay = await s.IngestAsync(new MemoryStream(bytes));

        Assert.Equal(2, Count(replay, EntryOutcome.AlreadyIngested));
        Assert.Equal(119m, (await s.InvoiceAsync("INV-2026-000001")).AmountPaid.Amount);
        Assert.Equal(31m, (await s.CreditAsync("acme"))!.Balance.Amount);
        Assert.Equal(2, (await s.PaymentsAsync()).Count);
    }

    [Fact]
    public async Task Report_SerialisesWithAmountsAsStrings()
    {
        using var s = await StartAsync();

        var report = await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "B1") { Text = "INV-2026-000001" }]));

        var json = Serialization.BillingJson.Serialize(report);
        Assert.Contains("\"byOutcome\":[{\"name\":\"Applied\",\"currency\":\"EUR\",\"count\":1,\"amount\":\"119.00\"}]", json, StringComparison.Ordinal);
        Assert.Contains("InvoiceNumber", IngestionReportText.Render(report), StringComparison.Ordinal);
    }
}
