using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// The state of one gapless number series (e.g. <c>INV-2026</c>): the next number, and the last number
/// handed out together with the invoice it belongs to (<see cref="Pending"/>).
/// </summary>
public sealed record InvoiceSequence : IDocument
{
    public static string DocumentType => "sequence";

    public static string Container => Containers.Sequences;

    public required string Series { get; init; }

    public long Next { get; init; } = 1;

    public PendingNumber? Pending { get; init; }
}

/// <summary>A number reserved for an invoice; it is written onto the invoice before the next reservation.</summary>
public sealed record PendingNumber(string AccountId, string InvoiceId, long Number, string FormattedNumber);
