namespace Billing.Core.Matching;

/// <summary>
/// What the matcher decided for one incoming credit: the rule and confidence, the account, the amounts allocated
/// to invoices (oldest first) and the rest that goes to the account's credit balance; or, when nothing matched,
/// why the payment is parked and the ranked suggestions for the person who decides.
/// </summary>
public sealed record MatchResult
{
    public MatchRule? Rule { get; init; }

    public decimal Confidence { get; init; }

    public string? AccountId { get; init; }

    public IReadOnlyList<(OpenInvoice Invoice, long Minor)> Allocations { get; init; } = [];

    /// <summary>Minor units left after the invoices were paid in full: the account's new credit balance.</summary>
    public long RestMinor { get; init; }

    public string? ParkReason { get; init; }

    public IReadOnlyList<MatchSuggestion> Suggestions { get; init; } = [];

    public bool IsMatched => AccountId is not null;

    public static MatchResult Parked(string reason, IReadOnlyList<MatchSuggestion> suggestions) =>
        new() { ParkReason = reason, Suggestions = suggestions };
}
