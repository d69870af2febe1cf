using System.Globalization;
using System.Numerics;
using Billing.Core.Accounts;

namespace Billing.Documents.Tests.Ubl;

/// <summary>
/// The Peppol BIS Billing 3.0 rules (as docs.peppol.eu publishes them for UBL: PEPPOL-EN16931-*, PEPPOL-COMMON-*,
/// and the DE-R-* rules for a German seller) and the XRechnung 3.0 rules (BR-DE-*) the writer must satisfy,
/// checked by XPath over every sample whose buyer has an electronic address. The Peppol schematron itself may not
/// be redistributed, so these are our own assertions of the published rule texts.
/// </summary>
public sealed class UblPeppolRulesTests
{
    private const string PeppolCustomization = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    private const string XRechnungCustomization = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
    private const string SellerParty = "/*/cac:AccountingSupplierParty/cac:Party";
    private const string BuyerParty = "/*/cac:AccountingCustomerParty/cac:Party";

    public static TheoryData<string> Samples => SampleInvoices.PeppolNames;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_R001R004R007_ClaimsTheSpecificationAndTheBillingProcess(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.Equal(sample == SampleInvoices.XRechnung ? XRechnungCustomization : PeppolCustomization, ubl.Text("/*/cbc:CustomizationID"));
        Assert.Matches(@"^urn:fdc:peppol\.eu:2017:poacc:billing:\d\d:1\.0$", ubl.Text("/*/cbc:ProfileID"));
        Assert.Equal("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", ubl.Text("/*/cbc:ProfileID"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_R010R020Cl008Common_BothPartiesHaveASchemedValidElectronicAddress(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        foreach (var party in new[] { SellerParty, BuyerParty })
        {
            var endpoint = ubl.Single($"{party}/cbc:EndpointID");
            var scheme = endpoint.GetAttribute("schemeID", "");
            Assert.Contains(scheme, ElectronicAddressSchemes.Known);
            Assert.Null(ElectronicAddressSchemes.Check(scheme, endpoint.Value)); // PEPPOL-COMMON-R040…R049: format and check digits
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_R003_HasBuyerReferenceOrOrderReference(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.True(
            ubl.Exists("/*/cbc:BuyerReference[normalize-space(.) != '']") || ubl.Exists("/*/cac:OrderReference/cbc:ID[normalize-space(.) != '']"),
            "PEPPOL-EN16931-R003");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_R002R008R053_AtMostOneNoteNoEmptyElementOneTaxTotal(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.True(ubl.All("/*/cbc:Note").Count <= 1, "PEPPOL-EN16931-R002");
        Assert.Empty(ubl.All("//*[not(*) and normalize-space(.) = '']")); // R008
        Assert.Single(ubl.All("/*/cac:TaxTotal[cac:TaxSubtotal]")); // R053
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_R051_EveryCurrencyIdIsTheDocumentCurrency(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));
        var currency = ubl.Text("/*/cbc:DocumentCurrencyCode");

        Assert.All(ubl.All("//@currencyID"), attribute => Assert.Equal(currency, attribute.Value));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_R110R111_LinePeriodsLieWithinTheInvoicePeriod(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));
        var start = ubl.Text("/*/cac:InvoicePeriod/cbc:StartDate");
        var end = ubl.Text("/*/cac:InvoicePeriod/cbc:EndDate");

        var periods = ubl.All($"({UblDocument.Lines})/cac:InvoicePeriod");
        Assert.NotEmpty(periods);
        Assert.All(periods, period =>
        {
            Assert.True(string.CompareOrdinal(ubl.Text("cbc:StartDate", period), start) >= 0, "PEPPOL-EN16931-R110");
            Assert.True(string.CompareOrdinal(ubl.Text("cbc:EndDate", period), end) <= 0, "PEPPOL-EN16931-R111");
        });
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_R120_LineNetIsQuantityTimesPriceWithinTwoCents(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.All(ubl.All(UblDocument.Lines), line =>
        {
            var quantity = ubl.Decimal("cbc:InvoicedQuantity | cbc:CreditedQuantity", line);
            var price = ubl.Decimal("cac:Price/cbc:PriceAmount", line);
            Assert.InRange(ubl.Decimal("cbc:LineExtensionAmount", line) - (quantity * price), -0.02m, 0.02m);
        });
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_P0100P0101_TypeCodeIsAllowedForTheDocument(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        if (ubl.RootName == "CreditNote")
        {
            Assert.Contains(ubl.Text("/*/cbc:CreditNoteTypeCode"), new[] { "81", "83", "381", "396", "532" });
        }
        else
        {
            Assert.Contains(ubl.Text("/*/cbc:InvoiceTypeCode"), new[] { "71", "80", "82", "84", "102", "218", "219", "326", "331", "380", "382", "383", "384", "386", "388", "393", "395", "553", "575", "623", "780", "817", "870", "875", "876", "877" });
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_PaymentMeans_IsCreditTransferWithValidRfReferenceAndIban(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var means = ubl.Single("/*/cac:PaymentMeans"); // DE-R-001
        Assert.Equal("58", ubl.Text("cbc:PaymentMeansCode", means));
        var reference = ubl.Text("cbc:PaymentID", means);
        Assert.Matches("^RF[0-9]{2}[A-Z0-9]{1,21}$", reference);
        Assert.Equal(1, Mod97(reference[4..] + reference[..4])); // ISO 11649
        var iban = ubl.Text("cac:PayeeFinancialAccount/cbc:ID", means); // DE-R-023-1
        Assert.Equal(1, Mod97(iban[4..] + iban[..4])); // DE-R-019: a valid IBAN
        Assert.False(ubl.Exists("cac:CardAccount | cac:PaymentMandate", means)); // DE-R-023-2
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_GermanSeller_DeR002To009_HasContactNamePhoneEmailAndCitiesAndPostcodes(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.Equal("DE", ubl.Text($"{SellerParty}/cac:PostalAddress/cac:Country/cbc:IdentificationCode"));
        var contact = ubl.Single($"{SellerParty}/cac:Contact"); // DE-R-002
        Assert.NotEmpty(ubl.Text("cbc:Name", contact)); // DE-R-005
        Assert.True(ubl.Text("cbc:Telephone", contact).Count(char.IsAsciiDigit) >= 3); // DE-R-006, BR-DE-27
        Assert.Matches("^[^@ ]+@[^@ ]+\\.[^@ ]+$", ubl.Text("cbc:ElectronicMail", contact)); // DE-R-007, BR-DE-28
        foreach (var party in new[] { SellerParty, BuyerParty })
        {
            Assert.NotEmpty(ubl.Text($"{party}/cac:PostalAddress/cbc:CityName")); // DE-R-003, DE-R-008
            Assert.NotEmpty(ubl.Text($"{party}/cac:PostalAddress/cbc:PostalZone")); // DE-R-004, DE-R-009
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_GermanSeller_DeR014DeR015DeR016_RatesBuyerReferenceAndSellerVatIdPresent(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.All(ubl.All("/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory"), category => Assert.True(ubl.Exists("cbc:Percent", category)));
        Assert.NotEmpty(ubl.Text("/*/cbc:BuyerReference"));
        Assert.NotEmpty(ubl.Text($"{SellerParty}/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"));
    }

    [Fact]
    public void Write_CreditNote_Br55_ReferencesTheCreditedInvoiceByNumberAndIssueDate()
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(SampleInvoices.PeppolCreditNote));

        var reference = Assert.Single(ubl.All("/*/cac:BillingReference/cac:InvoiceDocumentReference"));
        Assert.Equal("INV-2026-000042", ubl.Text("cbc:ID", reference));
        Assert.Equal("2026-02-01", ubl.Text("cbc:IssueDate", reference));
        Assert.Equal("381", ubl.Text("/*/cbc:CreditNoteTypeCode"));
        Assert.Equal(
            "Credit note for invoice INV-2026-000042 of 2026-02-01: unused time after a cancellation on 2026-03-12.",
            ubl.Text("/*/cbc:Note"));
    }

    [Fact]
    public void Write_LeitwegIdBuyer_IsXRechnungWithTheLeitwegIdAsBuyerReferenceAndEndpoint()
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(SampleInvoices.XRechnung));

        Assert.Equal(XRechnungCustomization, ubl.Text("/*/cbc:CustomizationID"));
        Assert.Equal(SampleInvoices.LeitwegId, ubl.Text("/*/cbc:BuyerReference")); // BR-DE-15
        Assert.Equal("0204", ubl.Text($"{BuyerParty}/cbc:EndpointID/@schemeID"));
        Assert.Equal(SampleInvoices.LeitwegId, ubl.Text($"{BuyerParty}/cbc:EndpointID"));
    }

    private static int Mod97(string alphanumeric)
    {
        var digits = string.Concat(alphanumeric.Select(c => char.IsAsciiDigit(c) ? c.ToString(CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return (int)(BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
    }
}
