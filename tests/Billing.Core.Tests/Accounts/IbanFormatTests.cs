using Billing.Core.Accounts;

// Not Billing.Core.Tests.Accounts: that namespace would hide Billing.Core.Accounts from the tests that write Accounts.X.
namespace Billing.Core.Tests.AccountImport;

public sealed class IbanFormatTests
{
    [Theory]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("CH9300762011623852957", true)]
    [InlineData("DE88370400440532013000", false)]
    [InlineData("de89370400440532013000", false)]
    [InlineData("DE8937040044", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Iban_ChecksShapeAndMod97(string? iban, bool valid) => Assert.Equal(valid, IbanFormat.IsValid(iban));
}
