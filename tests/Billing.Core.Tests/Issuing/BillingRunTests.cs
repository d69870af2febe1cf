using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Delivery;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Subscriptions;
using Billing.Testing;

namespace Billing.Core.Tests.Issuing;

public sealed class BillingRunTests
{
    private static readonly Plan[] s_plans = [BillingWorld.Plan("basic", 30m), BillingWorld.Plan("pro", 90m), BillingWorld.Plan("usd", 50m, "USD")];

    private static ImportedAccount[] Customers() =>
    [
        new() { Account = BillingWorld.Account("alpha"), Subscriptions = [BillingWorld.Subscription("alpha-1", "alpha", "basic", 2, new(2026, 1, 31))] },
        new()
        {
            Account = BillingWorld.Account("beta", tax: TaxTreatment.ReverseCharge),
            Subscriptions = [BillingWorld.Subscription("beta-1", "beta", "pro", 1, new(2026, 1, 10), null, new SubscriptionChange { EffectiveDate = new(2026, 2, 20), Quantity = 3 })],
        },
        new() { Account = BillingWorld.Account("gamma", "USD", TaxTreatment.Exempt), Subscriptions = [BillingWorld.Subscription("gamma-1", "gamma", "usd", 1, new(2026, 1, 5), new(2026, 2, 19))] },
    ];

    private static async Task<BillingWorld> WorldAsync()
    {
        var world = new BillingWorld(new DateOnly(2026, 1, 1));
        await world.ImportAsync(s_plans, Customers());
        return world;
    }

    [Fact]
    public async Task DailyRuns_ThreeMonths_NumbersAreGaplessPerSeries()
    {
        using var world = await WorldAsync();

        await world.RunDailyUntilAsync(new DateOnly(2026, 3, 31));

        var invoices = await world.InvoicesAsync();
        Assert.All(invoices, i => Assert.NotEqual(InvoiceStatus.Draft, i.Status));
        foreach (var series in invoices.GroupBy(i => i.Number![..8]))
        {
            var numbers = series.Select(i => int.Parse(i.Number![9..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        }

        Assert.Contains(invoices, i => i.IsCreditNote && i.Number!.StartsWith("CN-2026-", StringComparison.Ordinal));
        Assert.Equal(invoices.Count, invoices.Select(i => i.Number).Distinct().Count());
    }

    [Fact]
    public async Task DailyRuns_EveryInvoiceEmailedExactlyOnceWithBothDocuments()
    {
        using var world = await WorldAsync();

        await world.RunDailyUntilAsync(new DateOnly(2026, 3, 31));

        var invoices = await world.InvoicesAsync();
        Assert.Equal(invoices.Count, world.Email.Sent.Count);
        Assert.Equal(invoices.Select(InvoiceEmailComposer.MessageIdOf).Order(), world.Email.Sent.Select(m => m.MessageId).Order());
        Assert.All(world.Email.Sent, m => Assert.Equal(["application/pdf", "application/xml"], m.Attachments.Select(a => a.ContentType)));
        Assert.All(invoices, i => Assert.NotNull(i.EmailedAt));
        Assert.Equal(invoices.Count, world.Events.Events.Values.Count(e => e.Type == "InvoiceIssued"));
    }

    [Fact]
    public async Task RunAgain_SameDay_CreatesAndSendsNothing()
    {
        using var world = await WorldAsync();
        await world.RunDailyUntilAsync(new DateOnly(2026, 2, 28));
        var before = (await world.InvoicesAsync()).Count;
        var sent = world.Email.Sent.Count;
        var documents = world.Store.Count;

        await world.RunDayAsync(new DateOnly(2026, 2, 28));
        await world.Get<AccountBiller>().BillAsync("alpha", new DateOnly(2026, 2, 28));
        await world.DrainAsync();

        Assert.Equal(before, (await world.InvoicesAsync()).Count);
        Assert.Equal(sent, world.Email.Sent.Count);
        Assert.Equal(documents, world.Store.Count);
    }

    [Fact]
    public async Task MissedDays_CatchUpBillsWhatDailyRunsWould()
    {
        using var daily = await WorldAsync();
        using var caughtUp = await WorldAsync();

        await daily.RunDailyUntilAsync(new DateOnly(2026, 3, 31));
        caughtUp.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 6, 0, 0, TimeSpan.Zero));
        await caughtUp.RunDayAsync(new DateOnly(2026, 3, 31));

        static IEnumerable<string> Lines(IEnumerable<Invoice> invoices) =>
            invoices.SelectMany(i => i.Lines.Select(l => $"{i.AccountId}|{i.BillingDate}|{l.Key}|{l.NetAmount}")).Order();
        Assert.Equal(Lines(await daily.InvoicesAsync()), Lines(await caughtUp.InvoicesAsync()));
    }

    [Fact]
    public async Task SchedulerAfterBilling_EnqueuesOnlyAccountsThatAreDue()
    {
        using var world = await WorldAsync();
        await world.RunDayAsync(new DateOnly(2026, 1, 10));

        var enqueued = await world.Get<BillingScheduler>().ScheduleAsync(new DateOnly(2026, 1, 11));

        Assert.Equal(0, enqueued);
        Assert.Equal(1, await world.Get<BillingScheduler>().ScheduleAsync(new DateOnly(2026, 1, 31)));
    }

    [Fact]
    public async Task ConcurrentWorkers_SameAccounts_NoDuplicateNumbersAndNoGaps()
    {
        using var world = await WorldAsync();
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 6, 0, 0, TimeSpan.Zero));
        var biller = world.Get<AccountBiller>();

        await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(_ => new[] { "alpha", "beta", "gamma" })
            .Select(account => Task.Run(() => biller.BillAsync(account, new DateOnly(2026, 3, 31)))));

        var invoices = await world.InvoicesAsync();
        var numbers = invoices.Where(i => !i.IsCreditNote).Select(i => i.Number!).Order().ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => $"INV-2026-{n:D6}"), numbers);
        Assert.Equal(invoices.Count, invoices.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task CrashAfterReservingANumber_NextInvoiceCompletesItFirst_NoGap()
    {
        using var world = await WorldAsync();
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 31, 6, 0, 0, TimeSpan.Zero));
        var crashed = false;
        world.Store.BeforeReplace = key =>
        {
            if (!crashed && key.Container == "billing" && key.Id.StartsWith("inv-beta", StringComparison.Ordinal))
            {
                crashed = true;
                throw new IOException("worker died after reserving a number");
            }

            return Task.CompletedTask;
        };

        await Assert.ThrowsAsync<IOException>(() => world.Get<AccountBiller>().BillAsync("beta", new DateOnly(2026, 1, 31)));
        await world.Get<AccountBiller>().BillAsync("alpha", new DateOnly(2026, 1, 31));

        var invoices = await world.InvoicesAsync();
        Assert.Equal(["INV-2026-000001", "INV-2026-000002"], invoices.Select(i => i.Number).Order());
        Assert.Equal("INV-2026-000001", invoices.Single(i => i.AccountId == "beta").Number);
    }

    [Fact]
    public async Task IssuedInvoice_HasRfReferenceOfItsNumberAndPayee()
    {
        using var world = await WorldAsync();

        await world.RunDailyUntilAsync(new DateOnly(2026, 1, 10));

        var invoices = await world.InvoicesAsync();
        Assert.Equal(["gamma", "beta"], invoices.OrderBy(i => i.Number).Select(i => i.AccountId));
        var invoice = invoices.Single(i => i.AccountId == "beta");
        Assert.Equal(CreditorReference.Create(invoice.Number!), invoice.CreditorReference);
        Assert.Equal("DE89370400440532013000", invoice.PayeeIban);
        Assert.Equal(4, world.Blobs.Blobs.Count);
        Assert.Equal($"beta/{invoice.Number}.pdf", invoice.PdfPath);
    }

    [Fact]
    public async Task Import_UnknownPlan_RejectsTheFileAndWritesNothing()
    {
        using var world = new BillingWorld(new DateOnly(2026, 1, 1));
        var bad = new ImportedAccount { Account = BillingWorld.Account("x"), Subscriptions = [BillingWorld.Subscription("x-1", "x", "nope", 1, new(2026, 1, 1))] };

        var error = await Assert.ThrowsAsync<AccountImportException>(() => world.ImportAsync(s_plans, Customers()[0], bad));

        Assert.Equal("accounts[1].subscriptions[0].planId: plan 'nope' does not exist (neither in this file nor stored).", error.Message);
        Assert.Equal(0, world.Store.Count);
    }

    [Fact]
    public async Task Import_PlanInAnotherCurrency_IsRejected()
    {
        using var world = new BillingWorld(new DateOnly(2026, 1, 1));
        var bad = new ImportedAccount { Account = BillingWorld.Account("x"), Subscriptions = [BillingWorld.Subscription("x-1", "x", "usd", 1, new(2026, 1, 1))] };

        var error = await Assert.ThrowsAsync<AccountImportException>(() => world.ImportAsync(s_plans, bad));

        Assert.Contains("priced in USD but the account is billed in EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_MalformedJson_NamesTheLine()
    {
        using var json = new MemoryStream("{\n  \"accounts\": [\n    { \"account\": 12 }\n  ]\n}"u8.ToArray());

        var error = Assert.Throws<AccountImportException>(() => AccountImporter.Parse(json, "accounts.json"));

        Assert.StartsWith("accounts.json: line 3", error.Message, StringComparison.Ordinal);
    }
}
