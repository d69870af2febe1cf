using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Storage;
using Billing.Core.Tests.Ingestion;
using Billing.Testing;
using static Billing.Core.Tests.Ingestion.PaymentScenario;

namespace Billing.Core.Tests.Payments;

/// <summary>
/// What Azure Functions really does with money: two ingestions at the same moment, a return after the credit was spent.
/// The interleavings are forced (a barrier before the first invoice write of each ingestion), so each test is the race,
/// every time, not a chance of it.
/// </summary>
public sealed class ConcurrentPaymentTests
{
    [Fact]
    public async Task Ingest_TwoStatementsPayingTheSameInvoiceAtTheSameTime_PayItOnceAndParkTheOther()
    {
        using var s = await StartAsync();
        var invoice = await s.InvoiceAsync("INV-2026-000001");
        BothIngestionsReadBeforeEitherWrites(s.World.Store);

        var reports = await Task.WhenAll(
            Task.Run(() => s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "BANK-A") { CreditorReference = invoice.CreditorReference }], statementId: "A"), "a.xml")),
            Task.Run(() => s.IngestAsync(TestBankFiles.Camt053([new TestEntry(119m, "BANK-B") { CreditorReference = invoice.CreditorReference }], statementId: "B"), "b.xml")));

        var paid = await s.InvoiceAsync("INV-2026-000001");
        Assert.Equal(119m, paid.AmountPaid.Amount);
        Assert.Equal(0m, paid.AmountDue.Amount);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        var payments = await s.PaymentsAsync();
        Assert.Equal(2, payments.Count);
        var parked = Assert.Single(payments, p => p.Status == PaymentStatus.Parked);
        Assert.Equal(Payment.SuspensePartition, parked.AccountId);
        Assert.Contains("nothing was due any more", parked.ParkReason, StringComparison.Ordinal);
        Assert.Contains("INV-2026-000001", parked.ParkReason, StringComparison.Ordinal);
        Assert.Single(payments, p => p.Status == PaymentStatus.Applied);
        Assert.Equal(1, reports.Sum(r => Count(r, EntryOutcome.Parked)));
        Assert.Equal(1, reports.Sum(r => Count(r, EntryOutcome.Applied)));
        Assert.Null(await s.CreditAsync("acme"));
    }

    [Fact]
    public async Task Ingest_TwoPartialPaymentsThatTogetherExceedTheTotal_TheSecondPaysWhatIsDueAndCreditsTheRest()
    {
        using var s = await StartAsync();
        BothIngestionsReadBeforeEitherWrites(s.World.Store);

        await Task.WhenAll(
            Task.Run(() => s.IngestAsync(TestBankFiles.Camt053([new TestEntry(100m, "BANK-A") { Text = "INV-2026-000001" }], statementId: "A"), "a.xml")),
            Task.Run(() => s.IngestAsync(TestBankFiles.Camt053([new TestEntry(100m, "BANK-B") { Text = "INV-2026-000001" }], statementId: "B"), "b.xml")));

        var invoice = await s.InvoiceAsync("INV-2026-000001");
        Assert.Equal(119m, invoice.AmountPaid.Amount);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(81m, (await s.CreditAsync("acme"))!.Balance.Amount);
        var second = Assert.Single(await s.PaymentsAsync(), p => p.CreditedToBalance is not null);
        Assert.Equal(19m, Assert.Single(second.Allocations).Amount.Amount);
        Assert.Contains("took 19.00 of 100.00", second.SettlementNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_OfAnOverpaymentWhoseCreditWasSpent_ReopensTheInvoiceThatUsedIt_AndTheBalanceNeverGoesNegative()
    {
        using var s = await StartAsync();
        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(219m, "B1") { Text = "INV-2026-000001", EndToEndId = "E2E-OVER" }]));
        Assert.Equal(100m, (await s.CreditAsync("acme"))!.Balance.Amount);
        await s.World.RunDailyUntilAsync(new DateOnly(2026, 2, 1));
        var february = (await s.World.InvoicesAsync()).Single(i => i.AccountId == "acme" && i.BillingDate == new DateOnly(2026, 2, 1));
        Assert.Equal(19m, february.AmountDue.Amount);

        await s.IngestAsync(TestBankFiles.Camt053(
            [new TestEntry(219m, "B2") { Credit = false, Reversal = true, ReturnReason = "AC04", EndToEndId = "E2E-OVER", Date = "2026-02-03" }], statementId: "STMT-2"));

        var credit = (await s.CreditAsync("acme"))!;
        Assert.Equal(0m, credit.Balance.Amount);
        var reopened = (await s.World.InvoicesAsync()).Single(i => i.Id == february.Id);
        Assert.Equal(119m, reopened.AmountDue.Amount);
        Assert.Equal(InvoiceStatus.Open, reopened.Status);
        Assert.Equal(119m, (await s.InvoiceAsync("INV-2026-000001")).AmountDue.Amount);
        Assert.Contains(reopened.Payments, p => p.PaymentId.StartsWith(Invoice.ReversalPrefix($"credit:{february.Id}"), StringComparison.Ordinal) && p.Amount.Amount == -100m);
    }

    [Fact]
    public async Task Return_ReplayedAfterTheReclaim_ChangesNothing()
    {
        using var s = await StartAsync();
        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(219m, "B1") { Text = "INV-2026-000001", EndToEndId = "E2E-OVER" }]));
        await s.World.RunDailyUntilAsync(new DateOnly(2026, 2, 1));
        var returnFile = TestBankFiles.Camt053(
            [new TestEntry(219m, "B2") { Credit = false, Reversal = true, ReturnReason = "AC04", EndToEndId = "E2E-OVER", Date = "2026-02-03" }], statementId: "STMT-2").ToArray();
        await s.IngestAsync(new MemoryStream(returnFile));
        var before = await s.World.InvoicesAsync();
        var claim = (await s.PaymentsAsync()).Single(p => p.Status == PaymentStatus.Returned);

        // The claim of the return entry is finished again, as a crash before the file record would make the replay do.
        var recorder = s.World.Get<PaymentRecorder>();
        await foreach (var c in s.World.Store.QueryAllAsync<PaymentClaim>())
        {
            await recorder.FinishAsync(c, CancellationToken.None);
        }

        Assert.Equal(before.Select(i => (i.Id, i.AmountPaid)), (await s.World.InvoicesAsync()).Select(i => (i.Id, i.AmountPaid)));
        Assert.Equal(0m, (await s.CreditAsync("acme"))!.Balance.Amount);
        Assert.Equal(PaymentStatus.Returned, claim.Status);
    }

    [Fact]
    public async Task Return_OfAnOverpaymentWhoseRestWasNotBookedYet_TakesNothing_AndTheRestIsNeverBookedAfterIt()
    {
        // Simulation seed 457: the ingestion that recorded the overpayment died before booking its rest; the return came
        // first. It used to fail on every retry ("no credit balance"); a late booking would have kept returned money.
        using var s = await StartAsync();
        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(169m, "B1") { Text = "INV-2026-000001", EndToEndId = "E2E-OVER" }]));
        var store = s.World.Store;
        var credit = (await store.ReadAsync<AccountCredit>("acme", AccountCredit.DocumentId))!;
        await store.DeleteAsync<AccountCredit>("acme", AccountCredit.DocumentId, credit.ETag);

        await s.IngestAsync(TestBankFiles.Camt053(
            [new TestEntry(169m, "B2") { Credit = false, Reversal = true, ReturnReason = "AC04", EndToEndId = "E2E-OVER", Date = "2026-01-23" }], statementId: "STMT-2"));
        var recorder = s.World.Get<PaymentRecorder>();
        await foreach (var claim in store.QueryAllAsync<PaymentClaim>())
        {
            await recorder.FinishAsync(claim, CancellationToken.None);
        }

        var balance = (await s.CreditAsync("acme"))!;
        Assert.Equal(0m, balance.Balance.Amount);
        Assert.Contains(PaymentLedger.ReturnMovementId(Assert.Single(await s.PaymentsAsync()).Id), balance.Movements);
        Assert.Equal(119m, (await s.InvoiceAsync("INV-2026-000001")).AmountDue.Amount);
    }

    [Fact]
    public async Task CreditBalance_UsedByAnInvoiceThatWasPaidMeanwhile_GivesTheUnusedCreditBack()
    {
        using var s = await StartAsync();
        await s.IngestAsync(TestBankFiles.Camt053([new TestEntry(169m, "B1") { Text = "INV-2026-000001" }]));
        Assert.Equal(50m, (await s.CreditAsync("acme"))!.Balance.Amount);
        await s.World.RunDailyUntilAsync(new DateOnly(2026, 2, 1));
        var february = (await s.World.InvoicesAsync()).Single(i => i.AccountId == "acme" && i.BillingDate == new DateOnly(2026, 2, 1));

        // As if the credit had been booked for it but a bank payment paid it in full before the invoice recorded the credit.
        var store = s.World.Store;
        var stored = (await store.ReadAsync<Invoice>("acme", february.Id))!;
        var unpaid = stored.Value.RemovePayment($"credit:{february.Id}");
        var paidByBank = unpaid.ApplyPayment(new InvoicePayment("bank-x", unpaid.AmountDue, new DateOnly(2026, 2, 2)));
        await store.ReplaceAsync("acme", february.Id, paidByBank, stored.ETag);
        await s.World.Get<CreditBalanceApplication>().ApplyAsync(paidByBank);

        var credit = (await s.CreditAsync("acme"))!;
        Assert.Equal(50m, credit.Balance.Amount);
        Assert.Contains(credit.History, m => m.Id == CreditBalanceApplication.GiveBackIdFor($"credit:{february.Id}") && m.Amount.Amount == 50m);
        Assert.Equal(119m, (await store.ReadAsync<Invoice>("acme", february.Id))!.Value.AmountPaid.Amount);
    }

    [Fact]
    public void Invoice_ApplyPayment_BeyondWhatIsDue_IsRefused()
    {
        var invoice = OpenInvoice(100m);

        var error = Assert.Throws<InvalidInvoiceChangeException>(() => invoice.ApplyPayment(new InvoicePayment("p", Money.Of(100.01m, "EUR"), new DateOnly(2026, 1, 2))));

        Assert.Contains("exceeds", error.Message, StringComparison.Ordinal);
        Assert.Equal(Money.Of(100m, "EUR"), invoice.AcceptableShare(Money.Of(250m, "EUR")));
        Assert.True(invoice.AcceptableShare(Money.Of(5m, "CHF")).IsZero);
    }

    [Fact]
    public void AccountCredit_Book_BelowZero_IsRefused()
    {
        var credit = new AccountCredit { AccountId = "a", Balance = Money.Of(10m, "EUR") };

        Assert.Throws<InvalidOperationException>(() => credit.Book(new CreditMovement("m", Money.Of(-10.01m, "EUR"), new DateOnly(2026, 1, 1), "too much")));
    }

    private static Invoice OpenInvoice(decimal total) =>
        new()
        {
            Id = "inv-a-20260101", AccountId = "a", BillingDate = new DateOnly(2026, 1, 1), Status = InvoiceStatus.Open, Number = "INV-2026-000001",
            IssueDate = new DateOnly(2026, 1, 1), DueDate = new DateOnly(2026, 1, 15), Currency = Currency.FromCode("EUR"),
            Seller = Party("S"), Buyer = Party("B"), Lines = [], VatBreakdown = [],
            NetTotal = Money.Of(total, "EUR"), VatTotal = Money.Of(0m, "EUR"), GrossTotal = Money.Of(total, "EUR"), AmountPaid = Money.Of(0m, "EUR"),
            PayeeIban = "DE89370400440532013000",
        };

    private static Party Party(string name) =>
        new() { LegalName = name, Address = new Core.Accounts.PostalAddress { Street = "Hafenstraße 1", City = "Hamburg", PostalCode = "20457", CountryCode = "DE" } };

    /// <summary>The first invoice write of each of two ingestions waits until both got there: both matched the same open invoices.</summary>
    private static void BothIngestionsReadBeforeEitherWrites(InMemoryDocumentStore store)
    {
        var arrived = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.BeforeReplace = async key =>
        {
            if (key.Container != Containers.Billing || !key.Id.StartsWith("inv-", StringComparison.Ordinal))
            {
                return;
            }

            if (Interlocked.Increment(ref arrived) <= 2)
            {
                if (arrived >= 2)
                {
                    both.TrySetResult();
                }

                await both.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        };
    }
}
