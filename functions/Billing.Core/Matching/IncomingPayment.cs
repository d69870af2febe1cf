namespace Billing.Core.Matching;

/// <summary>
/// What the matcher needs to know about one incoming credit, independent of the bank file format. The amount is
/// in minor units of <see cref="CurrencyCode"/> (always positive for a credit), so matching never rounds.
/// </summary>
public sealed record IncomingPayment
{
    public required string PaymentId { get; init; }

    public required long AmountMinor { get; init; }

    public required string CurrencyCode { get; init; }

    public required DateOnly BookingDate { get; init; }

    public string? PayerName { get; init; }

    public string? PayerIban { get; init; }

    /// <summary>All the free text the bank gave (remittance lines, purpose, additional info), joined by spaces.</summary>
    public string? RemittanceInfo { get; init; }

    public string? EndToEndId { get; init; }

    public string? CreditorReference { get; init; }
}
