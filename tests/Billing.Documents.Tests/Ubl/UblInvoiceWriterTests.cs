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
}
