using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// An invoice (or, when its total is negative, a credit note). Its id is deterministic: account + billing
/// date, so generating the same invoice twice finds the first. Totals follow EN 16931: the line total
/// (BT-106) is the sum of the rounded line amounts, VAT (BT-110) the sum of the breakdown's rounded
/// amounts, the gross total (BT-112) their sum, and the amount due (BT-115) the gross total less what has
/// been paid (BT-113), including credit balance applied at issue.
/// </summary>
public sealed partial record Invoice : IDocument
{
    public static string DocumentType => "invoice";

    public static string Container => Containers.Billing;

    public required string Id { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The date whose charges this invoice bills (period start or change date).</summary>
    public required DateOnly BillingDate { get; init; }

    public InvoiceStatus Status { get; init; } = InvoiceStatus.Draft;

    /// <summary>Gapless number within its series, assigned when the invoice is finalised; null on a draft.</summary>
    public string? Number { get; init; }

    /// <summary>
    /// Whether the invoice is issued (it has its number) rather than a draft. After this check the compiler knows
    /// <see cref="Number"/> is set, so no caller has to assert it.
    /// </summary>
    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Number))]
    public bool IsIssued => Number is not null;

    public required DateOnly IssueDate { get; init; }

    public required DateOnly DueDate { get; init; }

    public required Currency Currency { get; init; }

    public required Party Seller { get; init; }

    public required Party Buyer { get; init; }

    public required IReadOnlyList<InvoiceLine> Lines { get; init; }

    public required IReadOnlyList<VatSubtotal> VatBreakdown { get; init; }

    /// <summary>Sum of line net amounts (BT-106 = BT-109: no document-level allowances or charges).</summary>
    public required Money NetTotal { get; init; }

    public required Money VatTotal { get; init; }

    public required Money GrossTotal { get; init; }

    /// <summary>Paid so far, including credit balance applied when the invoice was issued.</summary>
    public required Money AmountPaid { get; init; }

    public Money AmountDue => GrossTotal - AmountPaid;

    /// <summary>The payments applied, each once; <see cref="AmountPaid"/> is their sum.</summary>
    public IReadOnlyList<InvoicePayment> Payments { get; init; } = [];

    /// <summary>The seller's account the customer pays into.</summary>
    public required string PayeeIban { get; init; }

    public string? PayeeBic { get; init; }

    /// <summary>ISO 11649 RF creditor reference derived from the number; null on a draft.</summary>
    public string? CreditorReference { get; init; }

    public bool IsCreditNote => GrossTotal.IsNegative;

    public string? PdfPath { get; init; }

    public string? UblPath { get; init; }

    public DateTimeOffset? FinalizedAt { get; init; }

    public DateTimeOffset? EmailedAt { get; init; }

    /// <summary>When a worker claimed the sending of this invoice's email (a short lease, see <c>InvoiceMailer</c>).</summary>
    public DateTimeOffset? EmailClaimedAt { get; init; }

    /// <summary>When a paid invoice became paid: the latest date of its payments (nothing of it is open from then on).</summary>
    public DateOnly? PaidDate { get; init; }

    /// <summary>Set when a customer disputes the invoice; dunning leaves it alone.</summary>
    public string? DisputeReason { get; init; }

    /// <summary>The deterministic id of the invoice of <paramref name="accountId"/> for <paramref name="billingDate"/>.</summary>
    public static string IdFor(string accountId, DateOnly billingDate) =>
        $"inv-{accountId}-{billingDate:yyyyMMdd}";
}
