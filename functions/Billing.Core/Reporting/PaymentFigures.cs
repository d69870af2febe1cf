using Billing.Core.Payments;

namespace Billing.Core.Reporting;

/// <summary>
/// Everything the reports need from ingested payments, gathered in one streamed pass. A payment counts from its
/// booking date on. Cash collected is what was applied plus what is parked (the money arrived either way); returned
/// and refunded payments went back and are not cash. Statuses are as they stand now: the store keeps no history of
/// them, so a payment parked on the as-of date and applied since counts as applied.
/// </summary>
internal sealed class PaymentFigures(DateOnly asOf, ReportOptions options, IReadOnlyList<ReportPeriod> periods)
{
    private readonly DateOnly _trendStart = Amounts.TrailingMonths(asOf, options.TrendMonths)[0];

    public Dictionary<(string Currency, DateOnly Month, PaymentStatus Status), decimal> CashByMonth { get; } = [];

    public Dictionary<(string Currency, DateOnly Month), long> CountByMonth { get; } = [];

    /// <summary>Payments booked in the trend window by the rule that matched them ("" when none did).</summary>
    public Dictionary<string, long> ByRule { get; } = [];

    public Dictionary<(string Currency, int Band), decimal> Parked { get; } = [];

    public Dictionary<(string Currency, int Band), long> ParkedCount { get; } = [];

    /// <summary>The oldest parked payments of each currency.</summary>
    public Dictionary<string, BoundedTop<ParkedPayment>> OldestParked { get; } = [];

    public Dictionary<(ReportPeriod Period, string Currency), decimal> CashInPeriod { get; } = [];

    public static IReadOnlyList<string> AgeBands { get; } = ["0–30 days", "31–60 days", "61–90 days", "Over 90 days"];

    public static int AgeBandOf(int ageDays) => ageDays switch
    {
        <= 30 => 0,
        <= 60 => 1,
        <= 90 => 2,
        _ => 3,
    };

    public void Add(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.BookingDate > asOf)
        {
            return;
        }

        var currency = payment.Amount.Currency.Code;
        var isCash = payment.Status is PaymentStatus.Applied or PaymentStatus.Parked;
        if (payment.BookingDate >= _trendStart)
        {
            var month = new DateOnly(payment.BookingDate.Year, payment.BookingDate.Month, 1);
            if (isCash)
            {
                CashByMonth.AddTo((currency, month, payment.Status), payment.Amount.Amount);
                CountByMonth.AddTo((currency, month), 1);
            }

            ByRule.AddTo(payment.Rule?.ToString() ?? "", 1);
        }

        if (isCash)
        {
            foreach (var period in periods)
            {
                if (period.Contains(payment.BookingDate))
                {
                    CashInPeriod.AddTo((period, currency), payment.Amount.Amount);
                }
            }
        }

        if (payment.Status == PaymentStatus.Parked)
        {
            var age = asOf.DayNumber - payment.BookingDate.DayNumber;
            Parked.AddTo((currency, AgeBandOf(age)), payment.Amount.Amount);
            ParkedCount.AddTo((currency, AgeBandOf(age)), 1);
            if (!OldestParked.TryGetValue(currency, out var oldest))
            {
                oldest = new BoundedTop<ParkedPayment>(options.TopCount, ParkedPayment.ByAge);
                OldestParked[currency] = oldest;
            }

            oldest.Offer(new ParkedPayment(payment.Id, payment.BookingDate, currency, payment.Amount.Amount, payment.PayerName ?? "", payment.ParkReason ?? ""));
        }
    }
}

/// <summary>A parked payment as the unapplied-cash list shows it.</summary>
internal sealed record ParkedPayment(string Id, DateOnly BookingDate, string Currency, decimal Amount, string Payer, string Reason)
{
    /// <summary>Older first (greater = older); the id breaks ties.</summary>
    public static IComparer<ParkedPayment> ByAge { get; } = Comparer<ParkedPayment>.Create((a, b) =>
    {
        var byDate = b.BookingDate.CompareTo(a.BookingDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(b.Id, a.Id);
    });
}
