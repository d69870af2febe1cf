using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// The state of one gapless number series (e.g. <c>INV-2026</c>): the next number, and the numbers handed out that
/// were not yet known to be written onto their invoices (<see cref="Block"/>), each with the invoice it belongs to.
/// </summary>
public sealed record InvoiceSequence : IDocument
{
    public static string DocumentType => "sequence";

    public static string Container => Containers.Sequences;

    public required string Series { get; init; }

    public long Next { get; init; } = 1;

    /// <summary>Reserved numbers not yet known to be written; each reservation drops those whose request is numbered.</summary>
    public IReadOnlyList<PendingNumber> Block { get; init; } = [];

    /// <summary>A single reservation written by the version before blocks; completed like a block of one.</summary>
    public PendingNumber? Pending { get; init; }

    /// <summary>Every reserved number not yet known to be written onto its invoice.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<PendingNumber> Reserved => Pending is { } single ? [single, .. Block] : Block;
}

/// <summary>A number reserved for an invoice. <see cref="CarriedOver"/> counts the later reservations that found it
/// still unwritten (its worker may have died: from <see cref="InvoiceNumberSequence.CompleteAfterCarryOvers"/> on, the
/// reserving worker writes it).</summary>
public sealed record PendingNumber(string AccountId, string InvoiceId, long Number, string FormattedNumber, int CarriedOver = 0);
