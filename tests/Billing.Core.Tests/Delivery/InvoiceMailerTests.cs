using Billing.Core.Delivery;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Testing;

namespace Billing.Core.Tests.Delivery;

public sealed class InvoiceMailerTests
{
    private static async Task<(BillingWorld World, Invoice Invoice)> IssuedAsync()
    {
        var world = new BillingWorld(new DateOnly(2026, 1, 1));
        await world.ImportAsync([BillingWorld.Plan("basic", 30m)],
            new Core.Accounts.ImportedAccount { Account = BillingWorld.Account("a"), Subscriptions = [BillingWorld.Subscription("a-1", "a", "basic", 1, new(2026, 1, 1))] });
        await world.Get<AccountBiller>().BillAsync("a", new DateOnly(2026, 1, 1));
        return (world, Assert.Single(await world.InvoicesAsync()));
    }

    [Fact]
    public async Task SendAsync_TwoCopiesAtTheSameTime_SendsOneMail()
    {
        var (world, invoice) = await IssuedAsync();
        using var _ = world;
        var mailer = world.Get<InvoiceMailer>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            return await mailer.SendAsync("a", invoice.Id) switch
            {
                InvoiceSendOutcome.Sent => "sent",
                InvoiceSendOutcome.Deferred => "retry",
                _ => "nothing",
            };
        })));

        Assert.Single(world.Email.Sent);
        Assert.Equal(1, results.Count(r => r == "sent"));
    }

    [Fact]
    public async Task SendAsync_ClaimOfADeadWorker_IsTakenOverAfterTheLease()
    {
        var (world, invoice) = await IssuedAsync();
        using var _ = world;
        world.Email.FailWith = _ => new IOException("SMTP down");
        await Assert.ThrowsAsync<IOException>(() => world.Get<InvoiceMailer>().SendAsync("a", invoice.Id));
        world.Email.FailWith = null;

        var deferred = Assert.IsType<InvoiceSendOutcome.Deferred>(await world.Get<InvoiceMailer>().SendAsync("a", invoice.Id));
        Assert.Equal(world.Clock.GetUtcNow() + InvoiceMailer.ClaimLease, deferred.RetryAt);
        world.Clock.Advance(InvoiceMailer.ClaimLease);
        var sent = await world.Get<InvoiceMailer>().SendAsync("a", invoice.Id);

        Assert.IsType<InvoiceSendOutcome.Sent>(sent);
        Assert.Single(world.Email.Sent);
        Assert.IsType<InvoiceSendOutcome.NothingToDo>(await world.Get<InvoiceMailer>().SendAsync("a", invoice.Id));
    }
}
