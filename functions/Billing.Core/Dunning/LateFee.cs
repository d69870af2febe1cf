using Billing.Core.Monetary;

namespace Billing.Core.Dunning;

/// <summary>
/// The fee a <see cref="DunningAction.LateFee"/> stage charges, net of VAT, in the invoice's currency: either
/// <see cref="Fixed"/>, or <see cref="Percent"/> of the amount due, rounded to the minor unit and never less
/// than <see cref="Minimum"/>.
/// </summary>
public sealed class LateFee
{
    public decimal? Fixed { get; set; }

    public decimal? Percent { get; set; }

    public decimal Minimum { get; set; }

    public LateFeeBilling Billing { get; set; } = LateFeeBilling.NextInvoice;

    /// <summary>The fee on an invoice that still has <paramref name="amountDue"/> to pay.</summary>
    public Money For(Money amountDue) =>
        Fixed is { } fixedFee
            ? new Money(fixedFee, amountDue.Currency).Round()
            : Money.Max((amountDue * ((Percent ?? 0m) / 100m)).Round(), new Money(Minimum, amountDue.Currency).Round());

    /// <summary>Why this fee cannot be charged, or null when it is well-formed.</summary>
    public string? Problem() =>
        (Fixed, Percent) switch
        {
            (null, null) => "needs either Fixed or Percent",
            (not null, not null) => "must have Fixed or Percent, not both",
            ({ } f, _) when f <= 0 => "Fixed must be positive",
            (_, { } p) when p is <= 0 or > 100 => "Percent must be above 0 and at most 100",
            _ when Minimum < 0 => "Minimum must not be negative",
            _ => null,
        };
}
