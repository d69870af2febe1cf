using System.Text;
using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Storage;
using Billing.Testing;

// Not Billing.Core.Tests.Accounts: that namespace would hide Billing.Core.Accounts from the tests that write Accounts.X.
namespace Billing.Core.Tests.AccountImport;

public sealed class AccountImporterTests
{
    private static readonly DateOnly s_today = new(2026, 4, 1);

    [Fact]
    public async Task ImportAsync_DuplicatePlanIds_IsRefused_AndStoresNothing()
    {
        using var world = new BillingWorld(s_today);
        Plan[] plans = [BillingWorld.Plan("basic", 10m), BillingWorld.Plan("basic", 1m)];

        var error = await Assert.ThrowsAsync<AccountImportException>(() => world.ImportAsync(plans, Customer("a", new DateOnly(2026, 1, 1))));

        Assert.Equal("plans[1].id: plan id 'basic' appears twice (also plans[0]): every plan id must be unique.", error.Message);
        Assert.Empty(await StoredPlansAsync(world));
    }

    [Fact]
    public async Task ImportAsync_Again_ReplacesThePlanWithTheNewPrice()
    {
        using var world = new BillingWorld(s_today);
        await world.ImportAsync([BillingWorld.Plan("basic", 10m)]);

        await world.ImportAsync([BillingWorld.Plan("basic", 12.5m)]);

        Assert.Equal(12.5m, Assert.Single(await StoredPlansAsync(world)).UnitPrice.Amount);
    }

    [Theory]
    [InlineData("2023-05-01", null)]
    [InlineData("2023-04-01", "37 back invoices")]
    public async Task ImportAsync_StartLongAgo_IsRefusedBeyond36BackInvoices(string start, string? refusal)
    {
        using var world = new BillingWorld(s_today);

        var error = await Record.ExceptionAsync(() => world.ImportAsync([BillingWorld.Plan("basic", 10m)], Customer("a", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture))));

        if (refusal is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(refusal, Assert.IsType<AccountImportException>(error).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportAsync_AStartMovedEarlierThanStored_IsCheckedAgain()
    {
        using var world = new BillingWorld(s_today);
        await world.ImportAsync([BillingWorld.Plan("basic", 10m)], Customer("a", new DateOnly(2026, 1, 1)));

        var error = await Assert.ThrowsAsync<AccountImportException>(() => world.ImportAsync([], Customer("a", new DateOnly(2020, 1, 1))));

        Assert.StartsWith("accounts[0].subscriptions[0].startDate: 2020-01-01 would make the next billing run issue 76 back invoices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AStreamThatCannotSeekAndIsTooLarge_IsRefusedWhileReading()
    {
        using var stream = new UnseekableStream(new byte[AccountImportRules.MaxFileBytes + 1]);

        var error = Assert.Throws<AccountImportException>(() => AccountImporter.Parse(stream, "accounts.json"));

        Assert.StartsWith("accounts.json: the file is larger than that; an import file is at most 33,554,432 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AValueTooLongInsideAnArray_NamesItsElement()
    {
        var json = $"{{\"plans\":[],\"accounts\":[{{\"account\":{{\"id\":\"a\",\"billingEmails\":[\"a@b.example\",\"{new string('x', 20_000)}\"]}}}}]}}";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<AccountImportException>(() => AccountImporter.Parse(stream, "accounts.json"));

        Assert.StartsWith("accounts.json: accounts[0].account.billingEmails[1]: a value of 20,000 bytes", error.Message, StringComparison.Ordinal);
    }

    private static ImportedAccount Customer(string id, DateOnly start) => new()
    {
        Account = BillingWorld.Account(id),
        Subscriptions = [BillingWorld.Subscription($"{id}-1", id, "basic", 1, start)],
    };

    private static async Task<List<Plan>> StoredPlansAsync(BillingWorld world)
    {
        var plans = new List<Plan>();
        await foreach (var plan in world.Store.QueryPartitionAsync<Plan>(Containers.CatalogPartition))
        {
            plans.Add(plan.Value);
        }

        return plans;
    }

    /// <summary>A stream whose length is unknown, as a network stream's.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
