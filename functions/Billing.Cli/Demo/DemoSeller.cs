using Billing.Core.Sellers;

namespace Billing.Cli.Demo;

/// <summary>The fictitious company the demo bills as: a German GmbH, 19 % VAT, paid into a valid DE IBAN.</summary>
public static class DemoSeller
{
    public static SellerOptions Create() => new()
    {
        LegalName = "Nordlicht Software GmbH",
        VatId = "DE298765432",
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
        OwnAccountIbans = ["DE89370400440532013000"],
    };
}
