using Billing.Core.Accounts;
using Billing.Documents.Ubl;

namespace Billing.Documents.Tests.Ubl;

public sealed class EInvoiceProfileTests
{
    [Theory]
    [InlineData(null, null, "EN 16931")]
    [InlineData("0208", "0403170701", "Peppol BIS Billing 3.0")]
    [InlineData("0088", "5409999999992", "Peppol BIS Billing 3.0")]
    [InlineData("EM", "ap@example.com", "Peppol BIS Billing 3.0")]
    [InlineData("0204", SampleInvoices.LeitwegId, "XRechnung 3.0")]
    public void For_BuyerElectronicAddress_PicksTheProfile(string? scheme, string? id, string expected)
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Domestic);
        var buyer = invoice.Buyer with { ElectronicAddress = scheme is null ? null : new ElectronicAddress { Scheme = scheme, Id = id! } };

        Assert.Equal(expected, EInvoiceProfile.For(invoice with { Buyer = buyer }).Name);
    }

    [Fact]
    public void BuyerReferenceOf_XRechnung_IsTheLeitwegIdAndOtherwiseTheAccount()
    {
        var xrechnung = SampleInvoices.Get(SampleInvoices.XRechnung);
        var peppol = SampleInvoices.Get(SampleInvoices.PeppolInvoice);

        Assert.Equal(SampleInvoices.LeitwegId, EInvoiceProfile.XRechnung.BuyerReferenceOf(xrechnung));
        Assert.Equal(peppol.AccountId, EInvoiceProfile.PeppolBis.BuyerReferenceOf(peppol));
    }
}
