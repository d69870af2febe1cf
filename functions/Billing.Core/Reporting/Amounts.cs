using System.Globalization;
using Billing.Core.Monetary;

namespace Billing.Core.Reporting;

/// <summary>How report figures become cells: invariant decimal strings, amounts at their currency's minor unit.</summary>
internal static class Amounts
{
    public static string Format(decimal amount, string currencyCode)
    {
        var minor = Currency.FromCode(currencyCode).MinorUnits;
        return Math.Round(amount, minor, MidpointRounding.AwayFromZero).ToString("F" + minor.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage with one decimal ("87.5"); empty when there is nothing to divide by.</summary>
    public static string Percent(decimal part, decimal whole) =>
        whole == 0m ? "" : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero).ToString("F1", CultureInfo.InvariantCulture);

    public static string Days(decimal days) => Math.Round(days, 1, MidpointRounding.AwayFromZero).ToString("F1", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first days of the <paramref name="count"/> months ending with <paramref name="asOf"/>'s, oldest first.</summary>
    public static IReadOnlyList<DateOnly> TrailingMonths(DateOnly asOf, int count)
    {
        var last = new DateOnly(asOf.Year, asOf.Month, 1);
        return Enumerable.Range(0, Math.Max(1, count)).Select(i => last.AddMonths(i - Math.Max(1, count) + 1)).ToList();
    }

    /// <summary>Adds <paramref name="amount"/> to the total under <paramref name="key"/>.</summary>
    public static void AddTo<TKey>(this Dictionary<TKey, decimal> totals, TKey key, decimal amount) where TKey : notnull =>
        totals[key] = totals.GetValueOrDefault(key) + amount;

    public static void AddTo<TKey>(this Dictionary<TKey, long> totals, TKey key, long count) where TKey : notnull =>
        totals[key] = totals.GetValueOrDefault(key) + count;
}
