namespace Billing.Core.Matching;

/// <summary>A ranked guess for a parked payment: which account and invoices, how sure (0..1), and why.</summary>
public sealed record MatchSuggestion(string AccountId, IReadOnlyList<string> InvoiceNumbers, decimal Score, string Why);
