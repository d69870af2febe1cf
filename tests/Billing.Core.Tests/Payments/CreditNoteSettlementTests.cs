using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Subscriptions;
using Billing.Testing;

namespace Billing.Core.Tests.Payments;

/// <summary>A credit note is settled when it is issued: set against what the customer owes, the rest kept as credit or refunded.</summary>
public sealed class CreditNoteSettlementTests
{
    [Fact]
    public async Task CreditNote_WithAnOpenInvoice_IsSetAgainstIt_AndSettled()
    {
        using var world = await WorldAsync(new DateOnly(2026, 1, 16));

        var (invoice, note) = await JanuaryAsync(world);

        Assert.Equal(InvoiceStatus.Paid, note.Status);
        var settlement = Assert.Single(note.Settlements);
        Assert.Equal(invoice.Id, settlement.InvoiceId);
        Assert.Equal(note.Credit, settlement.Amount);
        Assert.True(note.KeptAsCredit!.Value.IsZero);
        Assert.Equal(invoice.GrossTotal - note.Credit, invoice.AmountDue);
        Assert.Equal(note.Credit, invoice.PaidBy(Invoice.CreditNotePaymentId(note.Id, invoice.Id)));
        Assert.True((await world.Store.ReadAsync<AccountCredit>("a", AccountCredit.DocumentId))!.Value.Balance.IsZero);
        Assert.True(note.AmountDue.IsZero);
    }

    [Fact]
    public async Task CreditNote_WhenNothingIsOwed_IsKeptAsCredit_WhichTheNextInvoiceUses()
    {
        using var world = await WorldAsync(new DateOnly(2026, 1, 16), payJanuary: true);

        var (_, note) = await JanuaryAsync(world);
        await world.RunDailyUntilAsync(new DateOnly(2026, 2, 1));

        Assert.Empty(note.Settlements);
        Assert.Equal(note.Credit, note.KeptAsCredit);
        Assert.Equal(InvoiceStatus.Paid, note.Status);
        var february = (await world.InvoicesAsync()).Single(i => i.BillingDate == new DateOnly(2026, 2, 1) && !i.IsCreditNote);
        var used = Money.Min(note.Credit, february.GrossTotal);
        Assert.Equal(used, february.PaidBy(CreditBalanceApplication.MovementIdFor(february.Id)));
        Assert.Equal(note.Credit - used, (await world.Store.ReadAsync<AccountCredit>("a", AccountCredit.DocumentId))!.Value.Balance);
    }

    [Fact]
    public async Task CreditNote_LargerThanTheOldestInvoice_PaysSeveralOldestFirst()
    {
        using var world = new BillingWorld(new DateOnly(2026, 1, 1));
        await world.ImportAsync([BillingWorld.Plan("basic", 100m)],
            new ImportedAccount
            {
                Account = BillingWorld.Account("a"),
                Subscriptions =
                [
                    BillingWorld.Subscription("a-1", "a", "basic", 1, new DateOnly(2026, 1, 1)),
                    BillingWorld.Subscription("a-2", "a", "basic", 4, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6)),
                ],
            });

        await world.RunDailyUntilAsync(new DateOnly(2026, 1, 6));

        var invoices = await world.InvoicesAsync();
        var note = Assert.Single(invoices, i => i.IsCreditNote);
        Assert.Equal(2, note.Settlements.Count);
        Assert.Equal(["inv-a-20260101", "inv-a-20260105"], note.Settlements.Select(s => s.InvoiceId));
        var first = invoices.Single(i => i.Id == "inv-a-20260101");
        Assert.Equal(InvoiceStatus.Paid, first.Status);
        Assert.Equal(first.GrossTotal, note.Settlements[0].Amount);
        Assert.Equal(note.Credit, note.Settlements.Aggregate(Money.Zero(note.Currency), (s, x) => s + x.Amount) + note.KeptAsCredit!.Value);
    }

    [Fact]
    public async Task CreditNote_IssuedAgain_ChangesNothing()
    {
        using var world = await WorldAsync(new DateOnly(2026, 1, 16));
        var (_, note) = await JanuaryAsync(world);
        var before = await world.InvoicesAsync();
        var credit = (await world.Store.ReadAsync<AccountCredit>("a", AccountCredit.DocumentId))!.Value;

        await world.Get<InvoiceIssuer>().IssueAsync("a", note.Id);
        var settler = world.Get<CreditNoteSettler>();
        await settler.SettleAsync((await world.Store.ReadAsync<Invoice>("a", note.Id))!);

        Assert.Equal(before.Select(i => (i.Id, i.AmountPaid, i.Payments.Count)), (await world.InvoicesAsync()).Select(i => (i.Id, i.AmountPaid, i.Payments.Count)));
        Assert.Equal(credit.Movements, (await world.Store.ReadAsync<AccountCredit>("a", AccountCredit.DocumentId))!.Value.Movements);
    }

    [Fact]
    public async Task CreditNote_DebitedForAnInvoiceBeforeACrash_ThatWasPaidMeanwhile_GivesTheDebitBack()
    {
        // Simulation seed 82: the settlement debited the balance for an invoice, the process died, the bank paid that
        // invoice in full, and the retried settlement no longer saw the invoice as open: the debit was lost.
        using var world = await WorldAsync(new DateOnly(2026, 1, 16));
        var (invoice, note) = await JanuaryAsync(world);
        var store = world.Store;
        var ledger = world.Get<PaymentLedger>();
        var unsettled = note with { Settlements = [], KeptAsCredit = null, AmountPaid = Money.Zero(note.Currency), Payments = [], Status = InvoiceStatus.Open, PaidDate = null };
        var storedNote = (await store.ReadAsync<Invoice>("a", note.Id))!;
        await store.ReplaceAsync("a", note.Id, unsettled, storedNote.ETag);
        var storedInvoice = (await store.ReadAsync<Invoice>("a", invoice.Id))!;
        var useId = Invoice.CreditNotePaymentId(note.Id, invoice.Id);
        var withoutCredit = storedInvoice.Value.RemovePayment(useId);
        var paidByBank = withoutCredit.ApplyPayment(new InvoicePayment("bank-1", withoutCredit.AmountDue, new DateOnly(2026, 1, 17)));
        await store.ReplaceAsync("a", invoice.Id, paidByBank, storedInvoice.ETag);
        var credit = (await store.ReadAsync<AccountCredit>("a", AccountCredit.DocumentId))!;
        Assert.Contains(useId, credit.Value.Movements);

        var settled = await world.Get<CreditNoteSettler>().SettleAsync((await store.ReadAsync<Invoice>("a", note.Id))!);

        var balance = (await store.ReadAsync<AccountCredit>("a", AccountCredit.DocumentId))!.Value;
        Assert.Contains(CreditBalanceApplication.GiveBackIdFor(useId), balance.Movements);
        Assert.Equal(note.Credit, balance.Balance);
        Assert.Equal(note.Credit, settled.Value.KeptAsCredit);
        Assert.Empty(settled.Value.Settlements);
    }

    [Fact]
    public async Task Refund_OfKeptCredit_DebitsTheBalance_AndTheCreditNoteSaysSo_Once()
    {
        using var world = await WorldAsync(new DateOnly(2026, 1, 16), payJanuary: true);
        var (_, note) = await JanuaryAsync(world);
        var refunds = world.Get<CreditRefunds>();

        var first = await refunds.RefundAsync("a", note.Credit, "TRF-1", new DateOnly(2026, 1, 20));
        var again = await refunds.RefundAsync("a", note.Credit, "TRF-1", new DateOnly(2026, 1, 20));

        Assert.True(first.Balance.IsZero);
        Assert.False(first.AlreadyRefunded);
        Assert.True(again.AlreadyRefunded);
        var refunded = (await world.Store.ReadAsync<Invoice>("a", note.Id))!.Value;
        Assert.Equal(note.Credit, Assert.Single(refunded.Refunds).Amount);
        await Assert.ThrowsAsync<CreditRefundException>(() => refunds.RefundAsync("a", Money.Of(0.01m, "EUR"), "TRF-2", new DateOnly(2026, 1, 21)));
    }

    /// <summary>Account a on a 100 EUR plan, quantity 3 from January 1, reduced to 1 from <paramref name="change"/>: a credit note.</summary>
    private static async Task<BillingWorld> WorldAsync(DateOnly change, bool payJanuary = false)
    {
        var world = new BillingWorld(new DateOnly(2026, 1, 1));
        await world.ImportAsync([BillingWorld.Plan("basic", 100m)],
            new ImportedAccount
            {
                Account = BillingWorld.Account("a"),
                Subscriptions = [BillingWorld.Subscription("a-1", "a", "basic", 3, new DateOnly(2026, 1, 1), null, new SubscriptionChange { EffectiveDate = change, Quantity = 1 })],
            });
        await world.RunDailyUntilAsync(new DateOnly(2026, 1, 1));
        if (payJanuary)
        {
            var january = Assert.Single(await world.InvoicesAsync());
            await world.Get<PaymentLedger>().SettleAsync(new Payment
            {
                Id = "pay-jan", AccountId = "a", BankFileId = "f", Amount = january.GrossTotal, BookingDate = new DateOnly(2026, 1, 5), Status = PaymentStatus.Applied,
                Allocations = [new PaymentAllocation(january.Id, january.Number!, january.GrossTotal)], RecordedAt = world.Clock.GetUtcNow(),
            }, parkWhenNothingFits: false);
        }

        await world.RunDailyUntilAsync(change);
        return world;
    }

    private static async Task<(Invoice Invoice, Invoice Note)> JanuaryAsync(BillingWorld world)
    {
        var invoices = await world.InvoicesAsync();
        return (invoices.Single(i => i.Id == "inv-a-20260101"), invoices.Single(i => i.IsCreditNote));
    }
}
