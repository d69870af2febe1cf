using System.ComponentModel.DataAnnotations;
using Billing.Core.Sellers;

namespace Billing.Core.Tests.Sellers;

public sealed class SellerOptionsTests
{
    private static SellerOptions Valid(string? electronicAddress) => new()
    {
        LegalName = "Nordlicht Software GmbH", VatId = "DE123456788", Street = "Hafenstraße 1", City = "Hamburg", PostalCode = "20457",
        CountryCode = "DE", Email = "billing@nordlicht.example", Iban = "DE89370400440532013000", ElectronicAddress = electronicAddress,
    };

    private static List<ValidationResult> Validate(SellerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("9930:DE123456788")]
    [InlineData("0088:4035811991021")]
    public void Validate_NoneOrValidElectronicAddress_HasNoErrors(string? address)
    {
        Assert.Empty(Validate(Valid(address)));
    }

    [Fact]
    public void Validate_ElectronicAddressWithWrongCheckDigit_NamesTheSetting()
    {
        var error = Assert.Single(Validate(Valid("9930:DE123456789")));

        Assert.StartsWith("Seller:ElectronicAddress: 'DE123456789' is not a German VAT number (scheme 9930)", error.ErrorMessage, StringComparison.Ordinal);
    }
}
