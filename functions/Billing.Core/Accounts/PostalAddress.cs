namespace Billing.Core.Accounts;

/// <summary>A postal address as EN 16931 carries it (BG-5/BG-8); the country is ISO 3166-1 alpha-2.</summary>
public sealed record PostalAddress
{
    public required string Street { get; init; }

    public string? AdditionalLine { get; init; }

    public required string City { get; init; }

    public required string PostalCode { get; init; }

    public required string CountryCode { get; init; }

    public void Validate(string name)
    {
        if (string.IsNullOrWhiteSpace(Street) || string.IsNullOrWhiteSpace(City))
        {
            throw new ArgumentException("An address needs a street and a city.", name);
        }

        if (CountryCode is not { Length: 2 } || !CountryCode.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"'{CountryCode}' is not an ISO 3166-1 alpha-2 country code (two upper-case letters).", name);
        }
    }
}
