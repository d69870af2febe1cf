using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Sellers;
using Billing.Testing;

namespace Billing.Core.Tests.Invoicing;

public sealed class InvoiceCalculatorTests
{
    private static readonly SellerOptions s_seller = new()
    {
        LegalName = "Seller GmbH", VatId = "DE123456789", Street = "S 1", City = "Hamburg", PostalCode = "20457", CountryCode = "DE",
        Email = "b@s.example", Iban = "DE89370400440532013000", DomesticVatRate = 19m,
    };

    private static Charge Line(string key, decimal quantity, decimal price, string currency = "EUR") => new()
    {
        Key = key, Date = new(2026, 3, 1), Kind = InvoiceLineKind.OneOff, Description = key, Quantity = quantity, UnitPrice = Money.Of(price, currency),
    };

    [Fact]
    public void Draft_Vat_IsComputedOncePerRateOnTheSummedBase()
    {
        // Per line 0.13 × 19% = 0.0247 → 0.02, three lines 0.06; on the summed base 0.39 × 19% = 0.0741 → 0.07.
        var invoice = InvoiceCalculator.Draft("i", BillingWorld.Account("a"), s_seller, new(2026, 3, 1), new(2026, 3, 1),
            [Line("a", 1, 0.13m), Line("b", 1, 0.13m), Line("c", 1, 0.13m)]);

        var vat = Assert.Single(invoice.VatBreakdown);
        Assert.Equal((VatCategory.Standard, 19m, 0.39m, 0.07m), (vat.Category, vat.Rate, vat.TaxableAmount.Amount, vat.TaxAmount.Amount));
        Assert.Equal((0.39m, 0.07m, 0.46m, 0.46m), (invoice.NetTotal.Amount, invoice.VatTotal.Amount, invoice.GrossTotal.Amount, invoice.AmountDue.Amount));
    }

    [Fact]
    public void Draft_ReverseCharge_NoVatAndTheReason()
    {
        var invoice = InvoiceCalculator.Draft("i", BillingWorld.Account("a", tax: TaxTreatment.ReverseCharge), s_seller, new(2026, 3, 1), new(2026, 3, 1),
            [Line("a", 3, 100m)]);

        var vat = Assert.Single(invoice.VatBreakdown);
        Assert.Equal((VatCategory.ReverseCharge, 0m, 0m), (vat.Category, vat.Rate, vat.TaxAmount.Amount));
        Assert.Equal(("Reverse charge", "VATEX-EU-AE"), (vat.ExemptionReason, vat.ExemptionReasonCode));
        Assert.Equal(300m, invoice.GrossTotal.Amount);
        Assert.Equal("FR40303265045", invoice.Buyer.VatId);
    }

    [Fact]
    public void Draft_Exempt_CarriesTheAccountsReason()
    {
        var invoice = InvoiceCalculator.Draft("i", BillingWorld.Account("a", tax: TaxTreatment.Exempt), s_seller, new(2026, 3, 1), new(2026, 3, 1),
            [Line("a", 1, 50m)]);

        Assert.Equal("Exempt under §4 Nr. 21 UStG", Assert.Single(invoice.VatBreakdown).ExemptionReason);
        Assert.Equal(VatCategory.Exempt, invoice.Lines[0].VatCategory);
    }

    [Fact]
    public void Draft_CreditExceedsCharge_IsACreditNote()
    {
        var invoice = InvoiceCalculator.Draft("i", BillingWorld.Account("a"), s_seller, new(2026, 3, 1), new(2026, 3, 1),
            [Line("credit", -2, 15m)]);

        Assert.True(invoice.IsCreditNote);
        Assert.Equal(-35.70m, invoice.GrossTotal.Amount);
    }

    [Fact]
    public void Draft_DueDate_IsIssuePlusPaymentTerms()
    {
        var account = BillingWorld.Account("a") with { PaymentTermsDays = 30 };

        var invoice = InvoiceCalculator.Draft("i", account, s_seller, new(2026, 1, 31), new(2026, 1, 31), [Line("a", 1, 1m)]);

        Assert.Equal(new DateOnly(2026, 3, 2), invoice.DueDate);
    }

    [Fact]
    public void Draft_ChargeInAnotherCurrency_Throws() =>
        Assert.Throws<CurrencyMismatchException>(() =>
            InvoiceCalculator.Draft("i", BillingWorld.Account("a"), s_seller, new(2026, 3, 1), new(2026, 3, 1), [Line("a", 1, 1m, "USD")]));
}
