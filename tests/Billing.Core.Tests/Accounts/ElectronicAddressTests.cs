using Billing.Core.Accounts;

namespace Billing.Core.Tests.Accounts;

public sealed class ElectronicAddressTests
{
    [Theory]
    [InlineData("0088", "4035811991021")] // GLN, GS1 mod 10
    [InlineData("0088", "5409999999992")]
    [InlineData("0192", "974760673")] // Norwegian organisation number, mod 11
    [InlineData("0208", "0403170701")] // Belgian enterprise number, mod 97
    [InlineData("9930", "DE136695976")] // German VAT number, ISO 7064 MOD 11,10
    [InlineData("9930", "DE123456788")]
    [InlineData("0204", "04011000-1234512345-06")] // Leitweg-ID with fine addressing, MOD 97-10
    [InlineData("0204", "05315000-AB12-84")]
    [InlineData("0204", "0201-77")]
    [InlineData("0007", "5560360793")] // Swedish organisation number, Luhn
    [InlineData("0184", "12345678")] // Danish CVR: format only, as Peppol checks it
    [InlineData("9944", "NL123456789B01")]
    [InlineData("EM", "ap@example.com")]
    public void Validated_KnownSchemeAndValidIdentifier_ReturnsTheAddress(string scheme, string id)
    {
        var address = new ElectronicAddress { Scheme = scheme, Id = id };

        Assert.Same(address, address.Validated());
    }

    [Theory]
    [InlineData("0088", "4035811991022", "check digits")]
    [InlineData("0088", "403581199102", "13 digits")]
    [InlineData("0192", "974760674", "check digits")]
    [InlineData("0208", "0403170702", "check digits")]
    [InlineData("0208", "2403170701", "starting with 0 or 1")]
    [InlineData("9930", "DE136695977", "check digits")]
    [InlineData("9930", "136695976", "DE and 9 digits")]
    [InlineData("0204", "04011000-1234512345-07", "check digits")]
    [InlineData("0204", "04011000_1234512345_06", "2-12 digits")]
    [InlineData("0007", "5560360794", "check digits")]
    [InlineData("EM", "not-an-address", "e-mail")]
    public void Validated_IdentifierTheSchemeRefuses_NamesTheSchemeAndWhatItExpects(string scheme, string id, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new ElectronicAddress { Scheme = scheme, Id = id }.Validated());

        Assert.Contains($"'{id}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"scheme {scheme}", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validated_UnknownScheme_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => new ElectronicAddress { Scheme = "0999", Id = "123" }.Validated());

        Assert.Contains("scheme '0999' is not a supported electronic address scheme", error.Message, StringComparison.Ordinal);
        Assert.Contains("0088", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SchemeColonId_SplitsAtTheFirstColonAndValidates()
    {
        var address = ElectronicAddress.Parse("0204:04011000-1234512345-06");

        Assert.Equal(("0204", "04011000-1234512345-06"), (address.Scheme, address.Id));
        Assert.True(address.IsLeitwegId);
        Assert.Equal("0204:04011000-1234512345-06", address.ToString());
    }

    [Theory]
    [InlineData("4035811991021")]
    [InlineData("0088:")]
    [InlineData("0088:4035811991022")]
    public void Parse_MissingPartOrBadIdentifier_Throws(string value)
    {
        Assert.Throws<ArgumentException>(() => ElectronicAddress.Parse(value));
    }
}
