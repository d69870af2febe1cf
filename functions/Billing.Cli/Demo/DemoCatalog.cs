using Billing.Core.Catalog;
using Billing.Core.Monetary;

namespace Billing.Cli.Demo;

/// <summary>
/// The demo's plans: monthly, quarterly and yearly plans priced in each currency (EUR, USD, GBP, CHF, SEK), and
/// the upgrade path between plans of the same currency and interval (a subscription never changes interval).
/// </summary>
public static class DemoCatalog
{
    public static IReadOnlyList<Plan> Plans { get; } =
    [
        Plan("starter-monthly-eur", "Starter (monthly)", BillingInterval.Monthly, 19.00m, "EUR"),
        Plan("team-monthly-eur", "Team (monthly)", BillingInterval.Monthly, 49.00m, "EUR"),
        Plan("business-monthly-eur", "Business (monthly)", BillingInterval.Monthly, 129.00m, "EUR"),
        Plan("seat-monthly-eur", "Seat licence (monthly)", BillingInterval.Monthly, 12.50m, "EUR"),
        Plan("team-quarterly-eur", "Team (quarterly)", BillingInterval.Quarterly, 139.00m, "EUR"),
        Plan("business-quarterly-eur", "Business (quarterly)", BillingInterval.Quarterly, 369.00m, "EUR"),
        Plan("team-yearly-eur", "Team (yearly)", BillingInterval.Yearly, 490.00m, "EUR"),
        Plan("team-monthly-usd", "Team (monthly)", BillingInterval.Monthly, 55.00m, "USD"),
        Plan("business-monthly-usd", "Business (monthly)", BillingInterval.Monthly, 145.00m, "USD"),
        Plan("team-yearly-usd", "Team (yearly)", BillingInterval.Yearly, 550.00m, "USD"),
        Plan("team-monthly-gbp", "Team (monthly)", BillingInterval.Monthly, 42.00m, "GBP"),
        Plan("business-monthly-gbp", "Business (monthly)", BillingInterval.Monthly, 110.00m, "GBP"),
        Plan("team-quarterly-gbp", "Team (quarterly)", BillingInterval.Quarterly, 119.00m, "GBP"),
        Plan("team-monthly-chf", "Team (monthly)", BillingInterval.Monthly, 52.00m, "CHF"),
        Plan("business-monthly-chf", "Business (monthly)", BillingInterval.Monthly, 135.00m, "CHF"),
        Plan("team-monthly-sek", "Team (monthly)", BillingInterval.Monthly, 560.00m, "SEK"),
        Plan("business-monthly-sek", "Business (monthly)", BillingInterval.Monthly, 1450.00m, "SEK"),
    ];

    /// <summary>The plans a customer billed in <paramref name="currency"/> can subscribe to.</summary>
    public static IReadOnlyList<Plan> In(string currency) => Plans.Where(p => p.UnitPrice.Currency.Code == currency).ToList();

    /// <summary>The plan an upgrade moves to (same currency and interval), or null at the top.</summary>
    public static Plan? UpgradeOf(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var target = plan.Id.StartsWith("starter-", StringComparison.Ordinal) ? plan.Id.Replace("starter-", "team-", StringComparison.Ordinal)
            : plan.Id.StartsWith("team-", StringComparison.Ordinal) ? plan.Id.Replace("team-", "business-", StringComparison.Ordinal)
            : null;
        return Plans.FirstOrDefault(p => p.Id == target);
    }

    private static Plan Plan(string id, string name, BillingInterval interval, decimal price, string currency) =>
        new() { Id = id, Name = name, Interval = interval, UnitPrice = Money.Of(price, currency) };
}
