using Billing.Core.Invoicing;
using Billing.Documents.Ubl;

namespace Billing.Documents.Tests.Ubl;

public sealed class UblInvoiceWriterTests
{
    public static TheoryData<string> Samples => SampleInvoices.Names;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_AnySample_IsValidAgainstOasisUbl21Schema(string sample)
    {
        var document = UblDocument.Write(SampleInvoices.Get(sample));

        var problems = UblSchemas.Validate(document.Xml);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(document.ToString())));
    }

    [Theory]
    [InlineData(SampleInvoices.Domestic, "Invoice", "InvoiceTypeCode", "380")]
    [InlineData(SampleInvoices.Prepaid, "Invoice", "InvoiceTypeCode", "380")]
    [InlineData(SampleInvoices.CreditNote, "CreditNote", "CreditNoteTypeCode", "381")]
    public void Write_GrossTotalSign_ChoosesDocumentTypeAndTypeCode(string sample, string root, string typeCodeElement, string typeCode)
    {
        var document = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.Equal(root, document.RootName);
        Assert.Equal(typeCode, document.Text($"/*/cbc:{typeCodeElement}"));
    }

    [Fact]
    public void Write_CreditNote_StatesAmountsPositiveWithDueDateInPaymentMeans()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.CreditNote);

        var document = UblDocument.Write(invoice);

        Assert.Equal(-invoice.GrossTotal.Amount, document.Decimal("/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"));
        Assert.Equal(-invoice.AmountDue.Amount, document.Decimal("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
        Assert.All(document.All("/*/cac:CreditNoteLine/cbc:LineExtensionAmount"), amount => Assert.DoesNotContain("-", amount.Value, StringComparison.Ordinal));
        Assert.False(document.Exists("/*/cbc:DueDate"));
        Assert.Equal("2026-03-26", document.Text("/*/cac:PaymentMeans/cbc:PaymentDueDate"));
    }

    [Fact]
    public void Write_ProrationCreditLine_HasNegativeQuantityAndPositivePrice()
    {
        var document = UblDocument.Write(SampleInvoices.Get(SampleInvoices.Domestic));

        var credit = document.Single("/*/cac:InvoiceLine[cbc:ID='3']");

        Assert.Equal(-1m, document.Decimal("cbc:InvoicedQuantity", credit));
        Assert.Equal(-12.84m, document.Decimal("cbc:LineExtensionAmount", credit));
        Assert.Equal("19.90", document.Text("cac:Price/cbc:PriceAmount", credit));
        Assert.Equal("C62", document.Text("cbc:InvoicedQuantity/@unitCode", credit));
    }

    [Fact]
    public void Write_YenInvoice_WritesAmountsWithoutDecimals()
    {
        var document = UblDocument.Write(SampleInvoices.Get(SampleInvoices.Yen));

        var amounts = document.All("//*[@currencyID]");

        Assert.NotEmpty(amounts);
        Assert.All(amounts, amount => Assert.DoesNotContain(".", amount.Value, StringComparison.Ordinal));
        Assert.All(amounts, amount => Assert.Equal("JPY", amount.GetAttribute("currencyID", "")));
    }

    [Fact]
    public void Write_EuroInvoice_WritesAmountsWithTwoDecimals()
    {
        var document = UblDocument.Write(SampleInvoices.Get(SampleInvoices.Domestic));

        Assert.Equal("195.82", document.Text("/*/cac:LegalMonetaryTotal/cbc:LineExtensionAmount"));
        Assert.Matches(@"^-?\d+\.\d\d$", document.Text("/*/cac:TaxTotal/cbc:TaxAmount"));
    }

    [Fact]
    public void Write_PrepaidInvoice_WritesPrepaidAndReducedPayableAmount()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Prepaid);

        var document = UblDocument.Write(invoice);

        Assert.Equal(50.00m, document.Decimal("/*/cac:LegalMonetaryTotal/cbc:PrepaidAmount"));
        Assert.Equal(invoice.GrossTotal.Amount - 50.00m, document.Decimal("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
    }

    [Fact]
    public void Write_InvoiceWithoutPrepayment_OmitsPrepaidAmount()
    {
        var document = UblDocument.Write(SampleInvoices.Get(SampleInvoices.Domestic));

        Assert.False(document.Exists("/*/cac:LegalMonetaryTotal/cbc:PrepaidAmount"));
    }

    [Fact]
    public void Write_AnyInvoice_WritesSepaPaymentMeansWithIbanBicAndCreditorReference()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Domestic);

        var document = UblDocument.Write(invoice);

        Assert.Equal("58", document.Text("/*/cac:PaymentMeans/cbc:PaymentMeansCode"));
        Assert.Equal(invoice.CreditorReference, document.Text("/*/cac:PaymentMeans/cbc:PaymentID"));
        Assert.Equal(SampleInvoices.SellerIban, document.Text("/*/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"));
        Assert.Equal("COBADEFFXXX", document.Text("/*/cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"));
    }

    [Fact]
    public void Write_AnyInvoice_UsesAccountIdAsBuyerReferenceAndLinePeriodsAsInvoicePeriod()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Domestic);

        var document = UblDocument.Write(invoice);

        Assert.Equal(invoice.AccountId, document.Text("/*/cbc:BuyerReference"));
        Assert.Equal("2026-03-01", document.Text("/*/cac:InvoicePeriod/cbc:StartDate"));
        Assert.Equal("2026-03-31", document.Text("/*/cac:InvoicePeriod/cbc:EndDate"));
        Assert.Equal("2026-03-12", document.Text("/*/cac:InvoiceLine[cbc:ID='3']/cac:InvoicePeriod/cbc:StartDate"));
        Assert.False(document.Exists("/*/cac:InvoiceLine[cbc:ID='5']/cac:InvoicePeriod"));
    }

    [Fact]
    public void Write_BuyerWithoutVatId_OmitsBuyerPartyTaxScheme()
    {
        var document = UblDocument.Write(SampleInvoices.Get(SampleInvoices.Exempt));

        Assert.False(document.Exists("/*/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme"));
        Assert.True(document.Exists("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme"));
    }

    [Fact]
    public void Write_DraftWithoutNumber_ThrowsArgumentException()
    {
        var draft = SampleInvoices.Get(SampleInvoices.Domestic) with { Number = null, Status = InvoiceStatus.Draft };

        var error = Assert.Throws<ArgumentException>(() => new UblInvoiceWriter().Write(draft, Stream.Null));

        Assert.Equal("invoice", error.ParamName);
    }

    [Fact]
    public void Write_ReverseChargeSubtotalWithoutReason_WritesVatexAeCode()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.ReverseCharge);
        var bare = invoice with { VatBreakdown = [.. invoice.VatBreakdown.Select(s => s with { ExemptionReason = null, ExemptionReasonCode = null })] };

        var document = UblDocument.Write(bare);

        Assert.Equal("VATEX-EU-AE", document.Text("/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode"));
    }

    [Fact]
    public void Write_ToStream_LeavesStreamOpen()
    {
        using var stream = new MemoryStream();

        new UblInvoiceWriter().Write(SampleInvoices.Get(SampleInvoices.Domestic), stream);

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }

    [Fact]
    public void Write_BuyerWithoutElectronicAddress_IsPlainEn16931WithoutProcessOrBuyerEndpoint()
    {
        var document = UblDocument.Write(SampleInvoices.Get(SampleInvoices.Domestic));

        Assert.Equal("urn:cen.eu:en16931:2017", document.Text("/*/cbc:CustomizationID"));
        Assert.False(document.Exists("/*/cbc:ProfileID"));
        Assert.False(document.Exists("/*/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID"));
    }

    [Fact]
    public void Write_PeppolInvoice_WritesEndpointsSellerContactAndAccountAsBuyerReference()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.PeppolInvoice);

        var document = UblDocument.Write(invoice);

        Assert.Equal("9930", document.Text("/*/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID/@schemeID"));
        Assert.Equal("DE123456788", document.Text("/*/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID"));
        Assert.Equal("0208", document.Text("/*/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID/@schemeID"));
        Assert.Equal("0403170701", document.Text("/*/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID"));
        Assert.Equal("Accounts receivable", document.Text("/*/cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Name"));
        Assert.Equal("+49 30 1234567", document.Text("/*/cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Telephone"));
        Assert.Equal(invoice.AccountId, document.Text("/*/cbc:BuyerReference"));
        Assert.False(document.Exists("/*/cac:BillingReference"));
    }

    [Fact]
    public void Write_ThreeDecimalCurrency_RoundsAtDocumentLevelWithRoundingAmount()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Kuwaiti);

        var document = UblDocument.Write(invoice);

        // Ledger: 123.455 + 10.335 net, VAT 1.964 (19 % of 10.335), due 135.754. The UBL: lines 123.46 and 10.34,
        // VAT 1.96 (19 % of 10.34), total 135.76; payable is the due amount rounded, 135.75, so BT-114 is -0.01.
        Assert.Equal(135.754m, invoice.AmountDue.Amount);
        Assert.Equal(["123.46", "10.34"], document.All("/*/cac:InvoiceLine/cbc:LineExtensionAmount").Select(a => a.Value));
        Assert.Equal("133.80", document.Text("/*/cac:LegalMonetaryTotal/cbc:LineExtensionAmount"));
        Assert.Equal("1.96", document.Text("/*/cac:TaxTotal/cbc:TaxAmount"));
        Assert.Equal("135.76", document.Text("/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"));
        Assert.Equal("-0.01", document.Text("/*/cac:LegalMonetaryTotal/cbc:PayableRoundingAmount"));
        Assert.Equal("135.75", document.Text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"));
        Assert.Equal("123.455", document.Text("/*/cac:InvoiceLine[cbc:ID='1']/cac:Price/cbc:PriceAmount"));
    }

    [Fact]
    public void Write_TwoDecimalCurrency_WritesNoRoundingAmount()
    {
        Assert.All(SampleInvoices.AllNames.Where(n => n != SampleInvoices.Kuwaiti), name =>
            Assert.False(UblDocument.Write(SampleInvoices.Get(name)).Exists("/*/cac:LegalMonetaryTotal/cbc:PayableRoundingAmount"), name));
    }

    [Fact]
    public void Write_CreditLineWhoseCreditedInvoiceHasNoNumber_IsRefused()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.PeppolCreditNote);
        var unresolved = invoice with { Lines = [.. invoice.Lines.Select(l => l with { CreditedInvoice = l.CreditedInvoice! with { Number = null } })] };

        var error = Assert.Throws<ArgumentException>(() => new UblInvoiceWriter().Write(unresolved, Stream.Null));

        Assert.Contains("inv-acct-bel-20260201", error.Message, StringComparison.Ordinal);
    }
}
