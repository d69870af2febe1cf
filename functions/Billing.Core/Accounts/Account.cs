using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Accounts;

/// <summary>
/// A customer that is billed: who they are (the buyer on every invoice), where invoices go, in which
/// currency they are billed, when invoices fall due, how VAT applies, and which dunning policy chases them.
/// The account id is the partition key of everything the account owns.
/// </summary>
public sealed record Account : IDocument
{
    public static string DocumentType => "account";

    public static string Container => Containers.Billing;

    public required string Id { get; init; }

    public required string LegalName { get; init; }

    public required IReadOnlyList<string> BillingEmails { get; init; }

    public required PostalAddress Address { get; init; }

    public required Currency Currency { get; init; }

    /// <summary>Days from the issue date to the due date.</summary>
    public int PaymentTermsDays { get; init; } = 14;

    /// <summary>The buyer's VAT identifier (BT-48); required for reverse charge.</summary>
    public string? VatId { get; init; }

    public TaxTreatment TaxTreatment { get; init; } = TaxTreatment.Domestic;

    /// <summary>The text printed for <see cref="TaxTreatment.Exempt"/> (BT-120).</summary>
    public string? TaxExemptionReason { get; init; }

    public string DunningPolicy { get; init; } = "default";

    /// <summary>ISO 639-1 language for emails and documents.</summary>
    public string Language { get; init; } = "en";

    /// <summary>
    /// Where e-invoices reach the customer (BT-49), e.g. a Peppol participant id; with one, the UBL document follows
    /// Peppol BIS Billing 3.0 (XRechnung 3.0 for a Leitweg-ID); without, plain EN 16931.
    /// </summary>
    public ElectronicAddress? ElectronicAddress { get; init; }

    /// <summary>IBANs this customer is known to pay from (payment matching rule 4).</summary>
    public IReadOnlyList<string> KnownPayerIbans { get; init; } = [];

    /// <summary>Rejects an account that could not be invoiced correctly; names the offending field.</summary>
    public Account Validated()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Id, nameof(Id));
        ArgumentException.ThrowIfNullOrWhiteSpace(LegalName, nameof(LegalName));
        if (Id.Length > 64 || Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"Account id '{Id}' must be 1-64 letters, digits, '-', '_' or '.'.", nameof(Id));
        }

        if (BillingEmails.Count == 0 || BillingEmails.Any(e => !e.Contains('@', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Account {Id} needs at least one valid billing email.", nameof(BillingEmails));
        }

        Address.Validate(nameof(Address));
        ArgumentOutOfRangeException.ThrowIfNegative(PaymentTermsDays, nameof(PaymentTermsDays));
        if (TaxTreatment == TaxTreatment.ReverseCharge && string.IsNullOrWhiteSpace(VatId))
        {
            throw new ArgumentException($"Account {Id} is reverse charge and needs the buyer's VAT id.", nameof(VatId));
        }

        return this;
    }
}
