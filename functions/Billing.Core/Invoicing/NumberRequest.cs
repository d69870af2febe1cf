using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// A draft's request for a number in one series, kept in the series' partition (id = the invoice id) so a worker
/// finds every waiting draft with one single-partition query. It is created <see cref="NumberRequestState.Waiting"/>
/// once and never deleted: when the draft's number has been written onto the invoice, the request becomes
/// <see cref="NumberRequestState.Numbered"/> and stays, so a late duplicate of the same draft finds it (create-if-absent
/// fails) and cannot ask a second time.
/// </summary>
public sealed record NumberRequest : IDocument
{
    public static string DocumentType => "number-request";

    public static string Container => Containers.Sequences;

    public required string Series { get; init; }

    public required string AccountId { get; init; }

    public required string InvoiceId { get; init; }

    public NumberRequestState State { get; init; } = NumberRequestState.Waiting;

    /// <summary>The number reserved for the invoice: set while it still waits by the worker that reserved it (so its own
    /// worker learns it from this small document), and the number written onto the invoice once
    /// <see cref="NumberRequestState.Numbered"/>. A reserved number never changes.</summary>
    public string? Number { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}

/// <summary>Where a <see cref="NumberRequest"/> stands; stored as <c>state</c> (an indexed property).</summary>
public enum NumberRequestState
{
    Waiting,
    Numbered,
}
