using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// The state of one gapless number series (e.g. <c>INV-2026</c>): the next number, and the block of numbers last
/// handed out together with the invoices they belong to (<see cref="Block"/>), until every one of them is written.
/// </summary>
public sealed record InvoiceSequence : IDocument
{
    public static string DocumentType => "sequence";

    public static string Container => Containers.Sequences;

    public required string Series { get; init; }

    public long Next { get; init; } = 1;

    /// <summary>The reservation not yet completed: consecutive numbers, one per waiting draft; empty when none is.</summary>
    public IReadOnlyList<PendingNumber> Block { get; init; } = [];

    /// <summary>A single reservation written by the version before blocks; completed like a block of one.</summary>
    public PendingNumber? Pending { get; init; }

    /// <summary>Every reserved number not yet known to be written onto its invoice.</summary>
    public IReadOnlyList<PendingNumber> Reserved => Pending is { } single ? [single, .. Block] : Block;
}

/// <summary>A number reserved for an invoice; it is written onto the invoice before the next reservation.</summary>
public sealed record PendingNumber(string AccountId, string InvoiceId, long Number, string FormattedNumber);
