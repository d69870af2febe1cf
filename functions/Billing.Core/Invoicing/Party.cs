using Billing.Core.Accounts;

namespace Billing.Core.Invoicing;

/// <summary>Seller or buyer as printed on an invoice: a snapshot, so later edits to the account do not change issued invoices.</summary>
public sealed record Party
{
    public required string LegalName { get; init; }

    public string? VatId { get; init; }

    public required PostalAddress Address { get; init; }

    public string? Email { get; init; }

    /// <summary>The electronic address (BT-34 seller, BT-49 buyer) e-invoices are routed by, if any.</summary>
    public ElectronicAddress? ElectronicAddress { get; init; }

    /// <summary>Contact point (BT-41): a person or department; the seller's, from settings.</summary>
    public string? ContactName { get; init; }

    /// <summary>Contact telephone (BT-42); the seller's, from settings.</summary>
    public string? ContactPhone { get; init; }
}
