using Billing.Core.Accounts;

namespace Billing.Core.Invoicing;

/// <summary>Seller or buyer as printed on an invoice: a snapshot, so later edits to the account do not change issued invoices.</summary>
public sealed record Party
{
    public required string LegalName { get; init; }

    public string? VatId { get; init; }

    public required PostalAddress Address { get; init; }

    public string? Email { get; init; }
}
