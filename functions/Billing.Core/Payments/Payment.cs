using System.Diagnostics.CodeAnalysis;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// An incoming payment from a bank file. Its id is deterministic from the bank entry's identity (bank
/// references, or account + date + amount + text where the bank gives none), so the same entry in an
/// intraday report and the day's statement, or in a resent file, is one payment. A matched payment lives in
/// its account's partition; a parked one in <see cref="SuspensePartition"/> until a person decides. Its
/// <see cref="BankTransaction"/> members are stored as top-level properties, as they always were.
/// </summary>
public sealed record Payment : BankTransaction, IDocument
{
    public const string SuspensePartition = "_suspense";

    public static string DocumentType => "payment";

    public static string Container => Containers.Billing;

    public Payment()
    {
    }

    [SetsRequiredMembers]
    private Payment(BankTransaction transaction, string id, string accountId, string bankFileId, Money amount, PaymentStatus status, DateTimeOffset recordedAt)
        : base(transaction)
    {
        Id = id;
        AccountId = accountId;
        BankFileId = bankFileId;
        Amount = amount;
        Status = status;
        RecordedAt = recordedAt;
    }

    /// <summary>A payment of <paramref name="transaction"/> (its details, booking date included, copied), with what every payment states.</summary>
    public static Payment Of(BankTransaction transaction, string id, string accountId, string bankFileId, Money amount, PaymentStatus status, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new Payment(transaction, id, accountId, bankFileId, amount, status, recordedAt);
    }

    public required string Id { get; init; }

    /// <summary>The account it was matched to, or <see cref="SuspensePartition"/> while parked.</summary>
    public required string AccountId { get; init; }

    /// <summary>The bank file (content hash) it came from.</summary>
    public required string BankFileId { get; init; }

    public required Money Amount { get; init; }

    public required PaymentStatus Status { get; init; }

    public MatchRule? Rule { get; init; }

    /// <summary>How sure the match is, 0..1 (1 for a valid RF reference).</summary>
    public decimal Confidence { get; init; }

    public IReadOnlyList<PaymentAllocation> Allocations { get; init; } = [];

    /// <summary>What was left after paying the invoices and went to the account's credit balance.</summary>
    public Money? CreditedToBalance { get; init; }

    /// <summary>Why it was parked (no match, other currency, ambiguous…).</summary>
    public string? ParkReason { get; init; }

    public IReadOnlyList<MatchSuggestion> Suggestions { get; init; } = [];

    public required DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateOnly? ReturnedOn { get; init; }

    public string? ReturnReason { get; init; }

    /// <summary>For a parked return whose original was not found: the amount is negative and this says so.</summary>
    public bool IsReturn { get; init; }

    /// <summary>The entry identity (the bank references or account + date + amount + text) the id was derived from.</summary>
    public string? EntryIdentity { get; init; }

    /// <summary>
    /// What settling changed against the matcher's plan, and why (an invoice paid meanwhile by another payment, so its share
    /// went to the credit balance, or the whole payment back to suspense); null when the plan held.
    /// </summary>
    public string? SettlementNote { get; init; }

    /// <summary>The person's note from the decisions file that resolved it.</summary>
    public string? ResolutionNote { get; init; }

    /// <summary>The partition a payment of <paramref name="accountId"/> lives in: the account's, or suspense when unmatched.</summary>
    public static string PartitionOf(string? accountId) => accountId ?? SuspensePartition;
}
