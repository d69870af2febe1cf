namespace Billing.Core.Invoicing;

/// <summary>
/// Proration is by calendar day. When terms change on day <c>c</c> inside a period <c>[s, e)</c> that was
/// billed in advance, the customer is credited the unused part of what was billed, <c>(e − c) / (e − s)</c>
/// of it, and charged the same fraction of the new terms. A change on the period's first day needs no
/// proration (the period is billed under the new terms); a cancellation is a change to nothing (credit only).
/// The prorated unit price is rounded to the currency's minor unit and then multiplied by the quantity, so
/// quantity × unit price = line amount exactly, as the customer will check it.
/// </summary>
public static class Proration
{
    /// <summary>The unused fraction of a period <c>[start, end)</c> from <paramref name="from"/> on.</summary>
    public static decimal RemainingFraction(DateOnly start, DateOnly end, DateOnly from)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The period {start}..{end} is empty.", nameof(end));
        }

        if (from < start || from > end)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"Must lie within {start}..{end}.");
        }

        return (decimal)(end.DayNumber - from.DayNumber) / (end.DayNumber - start.DayNumber);
    }
}
