using System.Xml.XPath;

namespace Billing.Documents.Tests.Ubl;

/// <summary>
/// The EN 16931 business rules (as the CEN schematron states them for UBL) checked by XPath over what the writer
/// produces for every sample. Category rules run on the samples that carry the category, and first assert that
/// the category is there, so none passes vacuously.
/// </summary>
public sealed class UblBusinessRulesTests
{
    private const string Totals = "/*/cac:LegalMonetaryTotal";
    private const string Subtotals = "/*/cac:TaxTotal/cac:TaxSubtotal";
    private const string SellerParty = "/*/cac:AccountingSupplierParty/cac:Party";
    private const string BuyerParty = "/*/cac:AccountingCustomerParty/cac:Party";
    private const string SellerVatId = SellerParty + "/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID";
    private const string BuyerVatId = BuyerParty + "/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID";

    public static TheoryData<string> Samples => SampleInvoices.Names;

    public static TheoryData<string> StandardRatedSamples => new(
        SampleInvoices.Domestic, SampleInvoices.Exempt, SampleInvoices.CreditNote, SampleInvoices.Yen, SampleInvoices.SixtyLines, SampleInvoices.Prepaid,
        SampleInvoices.XRechnung, SampleInvoices.Kuwaiti);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Br01ToBr05_HeaderHasCustomizationNumberDateTypeAndCurrency(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        // BR-01: EN 16931 itself or a CIUS of it ("urn:cen.eu:en16931:2017#compliant#…").
        Assert.Matches("^urn:cen.eu:en16931:2017(#compliant#.+)?$", ubl.Text("/*/cbc:CustomizationID"));
        Assert.Equal(SampleInvoices.Get(sample).Number, ubl.Text("/*/cbc:ID"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", ubl.Text("/*/cbc:IssueDate"));
        Assert.Contains(ubl.Text("/*/cbc:InvoiceTypeCode | /*/cbc:CreditNoteTypeCode"), new[] { "380", "381" });
        Assert.Equal(SampleInvoices.Get(sample).Currency.Code, ubl.Text("/*/cbc:DocumentCurrencyCode"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Br06ToBr11_PartiesHaveNamePostalAddressAndCountry(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.NotEmpty(ubl.Text(SellerParty + "/cac:PartyLegalEntity/cbc:RegistrationName"));
        Assert.NotEmpty(ubl.Text(BuyerParty + "/cac:PartyLegalEntity/cbc:RegistrationName"));
        Assert.Matches("^[A-Z]{2}$", ubl.Text(SellerParty + "/cac:PostalAddress/cac:Country/cbc:IdentificationCode"));
        Assert.Matches("^[A-Z]{2}$", ubl.Text(BuyerParty + "/cac:PostalAddress/cac:Country/cbc:IdentificationCode"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Br12ToBr16_TotalsAndAtLeastOneLineArePresent(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        foreach (var total in new[] { "LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "PayableAmount" })
        {
            Assert.True(ubl.Exists($"{Totals}/cbc:{total}"), total);
        }

        Assert.Equal(SampleInvoices.Get(sample).Lines.Count, ubl.All(UblDocument.Lines).Count);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Br21ToBr27_EachLineHasIdQuantityUnitNetNameAndNonNegativePrice(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        foreach (var line in ubl.All(UblDocument.Lines))
        {
            Assert.NotEmpty(ubl.Text("cbc:ID", line));
            Assert.NotEmpty(ubl.Text("cbc:InvoicedQuantity | cbc:CreditedQuantity", line));
            Assert.NotEmpty(ubl.Text("(cbc:InvoicedQuantity | cbc:CreditedQuantity)/@unitCode", line));
            Assert.True(ubl.Exists("cbc:LineExtensionAmount", line));
            Assert.NotEmpty(ubl.Text("cac:Item/cbc:Name", line));
            Assert.True(ubl.Decimal("cac:Price/cbc:PriceAmount", line) >= 0m, "BR-27: the item net price shall not be negative.");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo04_EachLineHasVatCategory(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.All(ubl.All(UblDocument.Lines), line =>
            Assert.Contains(ubl.Text("cac:Item/cac:ClassifiedTaxCategory[cac:TaxScheme/cbc:ID='VAT']/cbc:ID", line), new[] { "S", "AE", "E" }));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo09_VatIdentifiersStartWithCountryPrefix(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var vatIds = ubl.All($"{SellerVatId} | {BuyerVatId}");

        Assert.NotEmpty(vatIds);
        Assert.All(vatIds, id => Assert.Matches("^[A-Z]{2}", id.Value));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo10_LineExtensionAmountIsSumOfLineNetAmounts(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var lineNets = ubl.Sum("/*/cac:InvoiceLine/cbc:LineExtensionAmount | /*/cac:CreditNoteLine/cbc:LineExtensionAmount");

        Assert.Equal(lineNets, ubl.Decimal($"{Totals}/cbc:LineExtensionAmount"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo13_TaxExclusiveIsLineTotalLessAllowancesPlusCharges(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var expected = ubl.Decimal($"{Totals}/cbc:LineExtensionAmount")
            - ubl.DecimalOrZero($"{Totals}/cbc:AllowanceTotalAmount")
            + ubl.DecimalOrZero($"{Totals}/cbc:ChargeTotalAmount");

        Assert.Equal(expected, ubl.Decimal($"{Totals}/cbc:TaxExclusiveAmount"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo14_VatTotalIsSumOfSubtotalVat(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.Single(ubl.All("/*/cac:TaxTotal"));
        Assert.Equal(ubl.Sum($"{Subtotals}/cbc:TaxAmount"), ubl.Decimal("/*/cac:TaxTotal/cbc:TaxAmount"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo15_TaxInclusiveIsTaxExclusivePlusVat(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.Equal(
            ubl.Decimal($"{Totals}/cbc:TaxExclusiveAmount") + ubl.Decimal("/*/cac:TaxTotal/cbc:TaxAmount"),
            ubl.Decimal($"{Totals}/cbc:TaxInclusiveAmount"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo16_PayableIsTaxInclusiveLessPrepaidPlusRounding(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var expected = ubl.Decimal($"{Totals}/cbc:TaxInclusiveAmount")
            - ubl.DecimalOrZero($"{Totals}/cbc:PrepaidAmount")
            + ubl.DecimalOrZero($"{Totals}/cbc:PayableRoundingAmount");

        Assert.Equal(expected, ubl.Decimal($"{Totals}/cbc:PayableAmount"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo17_SubtotalVatIsTaxableTimesRateRounded(string sample)
    {
        var invoice = SampleInvoices.Get(sample);
        var ubl = UblDocument.Write(invoice);

        foreach (var subtotal in ubl.All(Subtotals))
        {
            var taxable = ubl.Decimal("cbc:TaxableAmount", subtotal);
            var rate = ubl.Decimal("cac:TaxCategory/cbc:Percent", subtotal);
            // Two decimals at most (BR-CO-17 rounds to two), fewer for a currency without them (JPY).
            var expected = Math.Round(taxable * rate / 100m, Math.Min(invoice.Currency.MinorUnits, 2), MidpointRounding.AwayFromZero);
            Assert.Equal(expected, ubl.Decimal("cbc:TaxAmount", subtotal));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo18_HasAtLeastOneVatBreakdown(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.NotEmpty(ubl.All(Subtotals));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrCo25_PositiveAmountDueHasDueDateOrPaymentTerms(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.True(ubl.Decimal($"{Totals}/cbc:PayableAmount") > 0m, "every sample has something to pay");
        Assert.True(ubl.Exists("/*/cbc:DueDate | /*/cac:PaymentMeans/cbc:PaymentDueDate"));
        Assert.True(ubl.Exists("/*/cac:PaymentTerms/cbc:Note"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Br29Br30_PeriodsEndOnOrAfterTheyStart(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var periods = ubl.All("//cac:InvoicePeriod[cbc:StartDate and cbc:EndDate]");

        Assert.NotEmpty(periods);
        Assert.All(periods, period => Assert.True(
            string.CompareOrdinal(ubl.Text("cbc:EndDate", period), ubl.Text("cbc:StartDate", period)) >= 0));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Br61_CreditTransferNamesThePayeeAccount(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        Assert.Equal("58", ubl.Text("/*/cac:PaymentMeans/cbc:PaymentMeansCode"));
        Assert.NotEmpty(ubl.Text("/*/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_BrDec_AmountsHaveAtMostTwoDecimalsInDocumentCurrency(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));
        var currency = ubl.Text("/*/cbc:DocumentCurrencyCode");

        var amounts = ubl.All("//*[@currencyID][local-name() != 'PriceAmount' and local-name() != 'BaseAmount']");

        Assert.NotEmpty(amounts);
        Assert.All(amounts, amount =>
        {
            Assert.Matches(@"^-?\d+(\.\d{1,2})?$", amount.Value);
            Assert.Equal(currency, amount.GetAttribute("currencyID", ""));
        });
    }

    [Theory]
    [MemberData(nameof(StandardRatedSamples))]
    public void Write_BrS_StandardRatedBreakdownMatchesItsLinesAndSellerVatId(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var subtotals = ubl.All($"{Subtotals}[cac:TaxCategory/cbc:ID='S']");
        Assert.NotEmpty(subtotals);
        Assert.NotEmpty(ubl.Text(SellerVatId)); // BR-S-02
        foreach (var subtotal in subtotals)
        {
            var rate = ubl.Decimal("cac:TaxCategory/cbc:Percent", subtotal);
            Assert.True(rate > 0m, "BR-S-05/BR-S-06: a standard rate is greater than zero.");
            AssertTaxableIsSumOfLines(ubl, subtotal, "S", rate); // BR-S-08
            Assert.False(ubl.Exists("cac:TaxCategory/cbc:TaxExemptionReason | cac:TaxCategory/cbc:TaxExemptionReasonCode", subtotal), "BR-S-10");
        }
    }

    [Theory]
    [InlineData(SampleInvoices.ReverseCharge)]
    [InlineData(SampleInvoices.PeppolInvoice)]
    [InlineData(SampleInvoices.PeppolCreditNote)]
    public void Write_BrAe_ReverseChargeHasBothVatIdsZeroVatAndReason(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var subtotal = Assert.Single(ubl.All($"{Subtotals}[cac:TaxCategory/cbc:ID='AE']")); // BR-AE-01
        Assert.NotEmpty(ubl.Text(SellerVatId)); // BR-AE-02
        Assert.NotEmpty(ubl.Text(BuyerVatId)); // BR-AE-02
        Assert.All(LinesOf(ubl, "AE"), line => Assert.Equal(0m, ubl.Decimal("cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", line))); // BR-AE-05
        AssertTaxableIsSumOfLines(ubl, subtotal, "AE", 0m); // BR-AE-08
        Assert.Equal(0m, ubl.Decimal("cbc:TaxAmount", subtotal)); // BR-AE-09
        Assert.True(ubl.Exists("cac:TaxCategory/cbc:TaxExemptionReasonCode | cac:TaxCategory/cbc:TaxExemptionReason", subtotal)); // BR-AE-10
        Assert.Equal("VATEX-EU-AE", ubl.Text("cac:TaxCategory/cbc:TaxExemptionReasonCode", subtotal));
    }

    [Theory]
    [InlineData(SampleInvoices.Exempt)]
    [InlineData(SampleInvoices.Kuwaiti)]
    public void Write_BrE_ExemptHasSellerVatIdZeroVatAndReason(string sample)
    {
        var ubl = UblDocument.Write(SampleInvoices.Get(sample));

        var subtotal = Assert.Single(ubl.All($"{Subtotals}[cac:TaxCategory/cbc:ID='E']")); // BR-E-01
        Assert.NotEmpty(ubl.Text(SellerVatId)); // BR-E-02
        Assert.All(LinesOf(ubl, "E"), line => Assert.Equal(0m, ubl.Decimal("cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", line))); // BR-E-05
        AssertTaxableIsSumOfLines(ubl, subtotal, "E", 0m); // BR-E-08
        Assert.Equal(0m, ubl.Decimal("cbc:TaxAmount", subtotal)); // BR-E-09
        Assert.NotEmpty(ubl.Text("cac:TaxCategory/cbc:TaxExemptionReason", subtotal)); // BR-E-10
        Assert.Equal("VATEX-EU-132", ubl.Text("cac:TaxCategory/cbc:TaxExemptionReasonCode", subtotal));
    }

    private static IReadOnlyList<XPathNavigator> LinesOf(UblDocument ubl, string category)
    {
        var lines = ubl.All(UblDocument.Lines)
            .Where(line => ubl.Text("cac:Item/cac:ClassifiedTaxCategory/cbc:ID", line) == category)
            .ToList();
        Assert.NotEmpty(lines);
        return lines;
    }

    /// <summary>BR-S-08 / BR-AE-08 / BR-E-08: the taxable amount of a category and rate is the sum of its lines' net amounts.</summary>
    private static void AssertTaxableIsSumOfLines(UblDocument ubl, XPathNavigator subtotal, string category, decimal rate)
    {
        var lines = LinesOf(ubl, category)
            .Where(line => ubl.Decimal("cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", line) == rate)
            .ToList();
        Assert.NotEmpty(lines);
        Assert.Equal(lines.Sum(line => ubl.Decimal("cbc:LineExtensionAmount", line)), ubl.Decimal("cbc:TaxableAmount", subtotal));
    }
}
