using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// The claim on one bank entry's identity, partitioned by the payment id in the <c>bankfiles</c> container so it is
/// unique whichever account the payment ends up in. The first ingestion to create it (create-if-absent) decides
/// the payment: the claim holds the planned <see cref="Payment"/> and the partition it lives in, so a replay after a
/// crash (or a concurrent worker) re-creates exactly that payment instead of matching again. A person's decision
/// moves the payment out of suspense by replacing the claim (ETag) before anything else.
/// </summary>
public sealed record PaymentClaim : IDocument
{
    public static string DocumentType => "paymentClaim";

    public static string Container => Containers.BankFiles;

    /// <summary>The payment id (also the partition key).</summary>
    public required string Id { get; init; }

    /// <summary>The partition of <see cref="Planned"/>: its account id, or <see cref="Payment.SuspensePartition"/>.</summary>
    public required string Partition { get; init; }

    /// <summary>The payment as decided; the document in <see cref="Partition"/> is created from it if missing.</summary>
    public required Payment Planned { get; init; }

    /// <summary>
    /// True once <see cref="Planned"/> is final: its allocations are what the invoices actually took, decided against the
    /// versions written (<see cref="PaymentLedger.SettleAsync"/>). Until then the allocations are the matcher's suggestion.
    /// </summary>
    public bool Settled { get; init; }

    /// <summary>Set when the entry was a return of an earlier payment: no document is created from <see cref="Planned"/>;
    /// the returned payment is marked and its effects undone.</summary>
    public string? ReturnsPaymentId { get; init; }
}
