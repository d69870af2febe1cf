using Billing.Core.Sellers;

namespace Billing.Cli.Demo;

/// <summary>
/// The fictitious company the demo bills as: a German GmbH, 19 % VAT, paid into a valid DE IBAN; it also holds a CHF,
/// a GBP and a SEK account (statements as MT940) and a US account (BAI2, a bare account number) for its foreign customers.
/// Its Peppol participant id is its VAT number (scheme 9930), and its e-invoices name a contact with a phone number
/// (a German seller must, DE-R-002…007).
/// </summary>
public static class DemoSeller
{
    public const string EurIban = "DE89370400440532013000";
    public const string ChfIban = "CH9300762011623852957";
    public const string GbpIban = "GB29NWBK60161331926819";
    public const string SekIban = "SE4550000000058398257466";
    public const string UsdAccount = "021000021-4455667788";

    public static SellerOptions Create() => new()
    {
        LegalName = "Nordlicht Software GmbH",
        VatId = "DE298765435",
        ElectronicAddress = "9930:DE298765435",
        ContactName = "Accounts receivable",
        ContactPhone = "+49 30 5550 1234",
        Street = "Friedrichstraße 123",
        City = "Berlin",
        PostalCode = "10117",
        CountryCode = "DE",
        Email = "billing@nordlicht-software.example",
        Iban = "DE89370400440532013000",
        Bic = "COBADEFFXXX",
        DomesticVatRate = 19m,
        InvoiceSeriesPrefix = "INV",
        CreditNoteSeriesPrefix = "CN",
        OwnAccountIbans = [EurIban, ChfIban, GbpIban, SekIban, UsdAccount],
    };
}
