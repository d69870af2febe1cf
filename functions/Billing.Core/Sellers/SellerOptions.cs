using System.ComponentModel.DataAnnotations;

namespace Billing.Core.Sellers;

/// <summary>
/// The company that issues the invoices (EN 16931 seller, BG-4) and where it wants to be paid.
/// Bound from the configuration section <c>Seller</c> (app settings <c>Seller__LegalName</c>, …). Besides the
/// attributes, <see cref="Validate"/> refuses an electronic address that is not a valid <c>scheme:id</c>, so a typo
/// stops the host at start instead of every e-invoice.
/// </summary>
public sealed class SellerOptions : IValidatableObject
{
    public const string Section = "Seller";

    [Required]
    public string LegalName { get; set; } = "";

    [Required]
    public string VatId { get; set; } = "";

    [Required]
    public string Street { get; set; } = "";

    [Required]
    public string City { get; set; } = "";

    [Required]
    public string PostalCode { get; set; } = "";

    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string CountryCode { get; set; } = "";

    [Required]
    [EmailAddress]
    public string Email { get; set; } = "";

    /// <summary>
    /// The seller's own electronic address (BT-34) as <c>scheme:id</c>, e.g. <c>9930:DE123456788</c> or
    /// <c>0088:4035811991021</c>; Peppol and XRechnung documents need one. Unset, the seller's e-mail is used
    /// (scheme <c>EM</c>), which is valid but reachable only by e-mail, not through a Peppol access point.
    /// </summary>
    public string? ElectronicAddress { get; set; }

    /// <summary>The seller's contact point (BT-41) on e-invoices, e.g. "Accounts receivable"; a German seller must give one (DE-R-005).</summary>
    public string? ContactName { get; set; }

    /// <summary>The seller's contact telephone (BT-42); a German seller must give one (DE-R-006).</summary>
    public string? ContactPhone { get; set; }

    /// <summary>The account customers pay into (printed on invoices, BT-84).</summary>
    [Required]
    public string Iban { get; set; } = "";

    public string? Bic { get; set; }

    /// <summary>The domestic standard VAT rate in percent (e.g. 19 or 20).</summary>
    [Range(0, 100)]
    public decimal DomesticVatRate { get; set; }

    /// <summary>Prefix of the invoice number series; the year follows (e.g. INV → INV-2026-000001).</summary>
    [Required]
    public string InvoiceSeriesPrefix { get; set; } = "INV";

    /// <summary>Prefix of the credit note series.</summary>
    [Required]
    public string CreditNoteSeriesPrefix { get; set; } = "CN";

    /// <summary>IBANs of the company's own bank accounts whose statements are ingested (the payee IBAN is always one).</summary>
    public List<string> OwnAccountIbans { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ElectronicAddress))
        {
            yield break;
        }

        string? problem = null;
        try
        {
            Accounts.ElectronicAddress.Parse(ElectronicAddress);
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult($"{Section}:{nameof(ElectronicAddress)}: {problem}", [nameof(ElectronicAddress)]);
        }
    }
}
