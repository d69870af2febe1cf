namespace Billing.Functions.Tests.Support;

/// <summary>The seller settings the trigger tests configure (the invoicing company every invoice names).</summary>
public static class SampleSeller
{
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Seller:LegalName"] = "Example Billing GmbH",
        ["Seller:VatId"] = "DE123456789",
        ["Seller:Street"] = "Musterstrasse 1",
        ["Seller:City"] = "Berlin",
        ["Seller:PostalCode"] = "10115",
        ["Seller:CountryCode"] = "DE",
        ["Seller:Email"] = "billing@example.com",
        ["Seller:Iban"] = "DE89370400440532013000",
        ["Seller:DomesticVatRate"] = "19",
    };
}
