using Billing.Core.Accounts;

// Not Billing.Core.Tests.Accounts: that namespace would hide Billing.Core.Accounts from the tests that write Accounts.X.
namespace Billing.Core.Tests.AccountImport;

public sealed class CountryCodesTests
{
    [Fact]
    public void Count_IsThe249AssignedCodes() => Assert.Equal(249, CountryCodes.Count);

    [Theory]
    [InlineData("DE", true)]
    [InlineData("AX", true)]
    [InlineData("ZW", true)]
    [InlineData("de", false)]
    [InlineData("XX", false)]
    [InlineData("UK", false)]
    [InlineData("DEU", false)]
    [InlineData(null, false)]
    public void IsAssigned_Code_AnswersForUpperCaseAssignedCodesOnly(string? code, bool assigned) =>
        Assert.Equal(assigned, CountryCodes.IsAssigned(code));
}
