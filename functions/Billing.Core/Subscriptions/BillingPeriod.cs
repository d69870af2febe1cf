namespace Billing.Core.Subscriptions;

/// <summary>
/// One billing period of a subscription: from <see cref="Start"/> (inclusive) to <see cref="End"/>
/// (exclusive, the next period's start). <see cref="Index"/> counts periods from the subscription start.
/// </summary>
public readonly record struct BillingPeriod(int Index, DateOnly Start, DateOnly End)
{
    /// <summary>Days of service in the period.</summary>
    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>The last day of service in the period (inclusive).</summary>
    public DateOnly LastDay => End.AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date < End;

    /// <summary>
    /// Period <paramref name="index"/> of a subscription started on <paramref name="anchor"/>: each start is
    /// computed from the anchor (never from the previous period), so Jan 31 gives Feb 28/29, Mar 31, Apr 30.
    /// </summary>
    public static BillingPeriod Of(DateOnly anchor, int intervalMonths, int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalMonths, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new(index, anchor.AddMonths(index * intervalMonths), anchor.AddMonths((index + 1) * intervalMonths));
    }

    /// <summary>The period of a subscription anchored on <paramref name="anchor"/> that contains <paramref name="date"/>.</summary>
    public static BillingPeriod Containing(DateOnly anchor, int intervalMonths, DateOnly date)
    {
        if (date < anchor)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The date is before the anchor {anchor}.");
        }

        var months = ((date.Year - anchor.Year) * 12) + date.Month - anchor.Month;
        var index = Math.Max(0, months / intervalMonths);
        var period = Of(anchor, intervalMonths, index);
        while (date < period.Start)
        {
            period = Of(anchor, intervalMonths, --index);
        }

        while (date >= period.End)
        {
            period = Of(anchor, intervalMonths, ++index);
        }

        return period;
    }
}
