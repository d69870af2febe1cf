using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Monetary;
using Billing.Core.Sellers;
using Billing.Testing;

namespace Billing.Core.Tests.Issuing;

public sealed class CreditedInvoicesTests
{
    private static readonly Plan[] s_plans = [BillingWorld.Plan("basic", 30m)];

    /// <summary>Billed monthly from Jan 5; cancelled on Feb 19, inside the period Feb 5 – Mar 4 billed on Feb 5.</summary>
    private static ImportedAccount Cancelling() => new()
    {
        Account = BillingWorld.Account("gamma"),
        Subscriptions = [BillingWorld.Subscription("gamma-1", "gamma", "basic", 1, new(2026, 1, 5), new(2026, 2, 19))],
    };

    private static Invoice Draft(InvoiceLineKind kind, decimal quantity) =>
        InvoiceCalculator.Draft("inv-a", BillingWorld.Account("a"), new SellerOptions { Email = "s@example.com", Iban = "DE89370400440532013000" }, new(2026, 2, 1), new(2026, 2, 1),
            [new Charge { Key = "k", Date = new(2026, 2, 1), Kind = kind, Description = "Plan", Quantity = quantity, UnitPrice = Money.Of(10m, "EUR") }]);

    [Fact]
    public async Task DailyRuns_CancellationCredit_RefersToTheInvoiceThatBilledThePeriod()
    {
        using var world = new BillingWorld(new DateOnly(2026, 1, 1));
        await world.ImportAsync(s_plans, Cancelling());

        await world.RunDailyUntilAsync(new DateOnly(2026, 3, 31));

        var invoices = await world.InvoicesAsync();
        var creditNote = Assert.Single(invoices, i => i.IsCreditNote);
        var billed = Assert.Single(invoices, i => i.BillingDate == new DateOnly(2026, 2, 5));
        var reference = Assert.Single(creditNote.Lines).CreditedInvoice;
        Assert.Equal(new InvoiceReference { Id = billed.Id, Number = billed.Number, IssueDate = billed.IssueDate }, reference);
        Assert.NotNull(billed.Number);
    }

    [Fact]
    public async Task CatchUpRun_CreditDraftedBeforeTheCreditedInvoiceWasNumbered_ResolvesTheNumberWhenIssued()
    {
        using var world = new BillingWorld(new DateOnly(2026, 1, 1));
        await world.ImportAsync(s_plans, Cancelling());

        await world.RunDailyUntilAsync(new DateOnly(2026, 1, 1));
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 6, 0, 0, TimeSpan.Zero));
        await world.RunDayAsync(new DateOnly(2026, 3, 31));

        var invoices = await world.InvoicesAsync();
        var creditNote = Assert.Single(invoices, i => i.IsCreditNote);
        var billed = Assert.Single(invoices, i => i.BillingDate == new DateOnly(2026, 2, 5));
        Assert.Null(creditNote.Lines[0].CreditedInvoice!.Number); // the draft was made before INV for Feb 5 had a number

        var resolved = await CreditedInvoices.ResolveAsync(world.Store, creditNote);

        Assert.Equal(billed.Number, resolved.Lines[0].CreditedInvoice!.Number);
        Assert.Equal(billed.Id, resolved.Lines[0].CreditedInvoice!.Id);
    }

    [Fact]
    public async Task ResolveAsync_CreditedInvoiceNotIssued_ThrowsSoTheQueueRetries()
    {
        using var world = new BillingWorld(new DateOnly(2026, 1, 1));
        var line = new InvoiceLine
        {
            Key = "k", Kind = InvoiceLineKind.ProrationCredit, Description = "Unused time", Quantity = -1m,
            UnitPrice = Money.Of(10m, "EUR"), NetAmount = Money.Of(-10m, "EUR"), VatCategory = VatCategory.Standard, VatRate = 19m,
            CreditedInvoice = new InvoiceReference { Id = "inv-missing", IssueDate = new DateOnly(2026, 1, 5) },
        };
        var invoice = Draft(InvoiceLineKind.ProrationCredit, -1m) with { Lines = [line] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreditedInvoices.ResolveAsync(world.Store, invoice));

        Assert.Contains("inv-missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attach_ChargeWithoutCreditedKey_LeavesTheDraftAsItIs()
    {
        var draft = Draft(InvoiceLineKind.Recurring, 1m);

        Assert.Same(draft, CreditedInvoices.Attach(draft, [], []));
    }
}
