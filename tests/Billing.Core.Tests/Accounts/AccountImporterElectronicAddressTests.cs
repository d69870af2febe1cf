using Billing.Core.Accounts;
using Billing.Testing;

namespace Billing.Core.Tests.Accounts;

public sealed class AccountImporterElectronicAddressTests
{
    [Fact]
    public async Task ImportAsync_BadElectronicAddress_NamesTheElementAndWritesNothing()
    {
        using var world = new BillingWorld(new DateOnly(2026, 1, 1));
        var good = BillingWorld.Account("good") with { ElectronicAddress = new ElectronicAddress { Scheme = "0208", Id = "0403170701" } };
        var bad = BillingWorld.Account("bad") with { ElectronicAddress = new ElectronicAddress { Scheme = "0088", Id = "4035811991022" } };

        var error = await Assert.ThrowsAsync<AccountImportException>(() =>
            world.ImportAsync([BillingWorld.Plan("basic", 30m)], new ImportedAccount { Account = good }, new ImportedAccount { Account = bad }));

        Assert.StartsWith("accounts[1].account.electronicAddress: '4035811991022' is not a GLN (scheme 0088)", error.Message, StringComparison.Ordinal);
        Assert.Null(await world.Store.ReadAsync<Account>("good", "good"));
    }

    [Fact]
    public async Task ImportAsync_ValidElectronicAddress_IsStoredOnTheAccount()
    {
        using var world = new BillingWorld(new DateOnly(2026, 1, 1));
        var account = BillingWorld.Account("leitweg") with { ElectronicAddress = new ElectronicAddress { Scheme = "0204", Id = "04011000-1234512345-06" } };

        await world.ImportAsync([BillingWorld.Plan("basic", 30m)], new ImportedAccount { Account = account });

        Assert.Equal(account.ElectronicAddress, (await world.Store.ReadAsync<Account>("leitweg", "leitweg"))!.Value.ElectronicAddress);
    }
}
