using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// Who is reserving the next block of a number series (<see cref="InvoiceNumberSequence"/>): a small document beside the
/// series (same partition, id <see cref="Id"/>) that the waiting workers read instead of the series, so the series
/// document with its reservations is read only by the worker that reserves. It decides nothing about numbers (the block
/// is written conditional on the ETag of the series version it was decided from); it only says who does the one query.
/// A worker that reads the same held version <see cref="InvoiceNumberSequence.ClaimStaleAfterReads"/> times takes it
/// over (its holder died or stalled).
/// </summary>
public sealed record ReservationClaim : IDocument
{
    /// <summary>The claim's id in the series' partition (no invoice id contains <c>~</c>).</summary>
    public const string Id = "~claim";

    public static string DocumentType => "reservation-claim";

    public static string Container => Containers.Sequences;

    public required string Series { get; init; }

    /// <summary>The holder's token (unique per claim), or null when nobody is reserving.</summary>
    public string? Holder { get; init; }

    /// <summary>When the holder claimed (for people reading the document; staleness is counted in reads).</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    public bool IsHeld => Holder is not null;
}
