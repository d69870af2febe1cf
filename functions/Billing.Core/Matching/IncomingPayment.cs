using System.Diagnostics.CodeAnalysis;

namespace Billing.Core.Matching;

/// <summary>
/// What the matcher needs to know about one incoming credit, independent of the bank file format: the
/// <see cref="BankTransaction"/> and its amount in minor units of <see cref="CurrencyCode"/> (always positive for a
/// credit), so matching never rounds.
/// </summary>
public sealed record IncomingPayment : BankTransaction
{
    public IncomingPayment()
    {
    }

    /// <summary>A credit carrying <paramref name="transaction"/>'s details (its booking date included).</summary>
    [SetsRequiredMembers]
    public IncomingPayment(BankTransaction transaction, string paymentId, long amountMinor, string currencyCode)
        : base(transaction)
    {
        PaymentId = paymentId;
        AmountMinor = amountMinor;
        CurrencyCode = currencyCode;
    }

    public required string PaymentId { get; init; }

    public required long AmountMinor { get; init; }

    public required string CurrencyCode { get; init; }
}
