using Billing.Core.Invoicing;

namespace Billing.Core.Tests.Invoicing;

public sealed class CreditorReferenceTests
{
    [Theory]
    [InlineData("539007547034", "RF18539007547034")] // the ISO 11649 example
    [InlineData("INV-2026-000123", "RF98INV2026000123")]
    public void Create_KnownReference_HasIsoCheckDigits(string reference, string expected)
    {
        var created = CreditorReference.Create(reference);

        Assert.Equal(expected, created);
        Assert.True(CreditorReference.IsValid(created));
    }

    [Theory]
    [InlineData("RF18 5390 0754 7034", true)]
    [InlineData("rf18539007547034", true)]
    [InlineData("RF19539007547034", false)]
    [InlineData("RF18539007547035", false)]
    [InlineData("RF18", false)]
    [InlineData("XX18539007547034", false)]
    [InlineData("", false)]
    public void IsValid_DetectsTypos(string candidate, bool valid) =>
        Assert.Equal(valid, CreditorReference.IsValid(candidate));

    [Fact]
    public void Create_TooLong_Throws() =>
        Assert.Throws<ArgumentException>(() => CreditorReference.Create(new string('1', 22)));

    [Fact]
    public void ToPrintFormat_GroupsByFour() =>
        Assert.Equal("RF18 5390 0754 7034", CreditorReference.ToPrintFormat("RF18539007547034"));
}
