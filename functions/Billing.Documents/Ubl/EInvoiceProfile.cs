using Billing.Core.Invoicing;

namespace Billing.Documents.Ubl;

/// <summary>
/// Which specification a UBL e-invoice claims (BT-24 CustomizationID) and which business process it belongs to
/// (BT-23 ProfileID), chosen by the buyer's electronic address (BT-49): none → plain EN 16931 (no process);
/// a Leitweg-ID (scheme 0204, a German public body) → XRechnung 3.0, the German CIUS, exchanged through Peppol;
/// any other address → Peppol BIS Billing 3.0. Both CIUS documents are also valid EN 16931 documents.
/// </summary>
public sealed record EInvoiceProfile
{
    /// <summary>Peppol BIS Billing 3.0 business process "billing" (PEPPOL-EN16931-R001/R007).</summary>
    public const string PeppolBillingProcess = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    public static EInvoiceProfile En16931 { get; } = new() { Name = "EN 16931", CustomizationId = "urn:cen.eu:en16931:2017" };

    /// <summary>PEPPOL-EN16931-R004: the specification identifier of Peppol BIS Billing 3.0.</summary>
    public static EInvoiceProfile PeppolBis { get; } = new()
    {
        Name = "Peppol BIS Billing 3.0",
        CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
        ProfileId = PeppolBillingProcess,
    };

    /// <summary>XRechnung 3.0 (KoSIT), the CIUS German public bodies require; the Leitweg-ID is the buyer reference (BR-DE-15).</summary>
    public static EInvoiceProfile XRechnung { get; } = new()
    {
        Name = "XRechnung 3.0",
        CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
        ProfileId = PeppolBillingProcess,
    };

    public required string Name { get; init; }

    public required string CustomizationId { get; init; }

    /// <summary>The business process (BT-23); null for plain EN 16931.</summary>
    public string? ProfileId { get; init; }

    /// <summary>The profile an invoice is written in, from its buyer's electronic address.</summary>
    public static EInvoiceProfile For(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Buyer.ElectronicAddress switch
        {
            null => En16931,
            { IsLeitwegId: true } => XRechnung,
            _ => PeppolBis,
        };
    }

    /// <summary>The buyer reference (BT-10): the Leitweg-ID for XRechnung, otherwise the customer's account id.</summary>
    public string BuyerReferenceOf(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return ReferenceEquals(this, XRechnung) ? invoice.Buyer.ElectronicAddress!.Id : invoice.AccountId;
    }
}
