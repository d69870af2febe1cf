namespace Billing.Core.Matching;

/// <summary>
/// What the matcher decided for one incoming credit: exactly one of <see cref="Matched"/> (a rule found the account and
/// its invoices) or <see cref="Parked"/> (nothing matched with enough certainty; a person decides). A closed set: a
/// <c>switch</c> over it needs no default arm, and neither case carries members that belong to the other.
/// </summary>
public abstract record MatchResult
{
    private MatchResult()
    {
    }

    /// <summary>
    /// Matched by <paramref name="Rule"/> with <paramref name="Confidence"/>: the minor units allocated to open invoices of
    /// <paramref name="AccountId"/> (oldest first, each at most what it has open), and <paramref name="RestMinor"/>, what is
    /// left after those invoices were paid in full, for the account's credit balance.
    /// </summary>
    public sealed record Matched(MatchRule Rule, decimal Confidence, string AccountId, IReadOnlyList<(OpenInvoice Invoice, long Minor)> Allocations, long RestMinor)
        : MatchResult;

    /// <summary>Not matched: why (<paramref name="Reason"/>, said to the person who decides) and the ranked suggestions for them.</summary>
    public sealed record Parked(string Reason, IReadOnlyList<MatchSuggestion> Suggestions) : MatchResult;
}
