using System.Globalization;
using Billing.Cli.Demo;
using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Monetary;
using Billing.Core.Subscriptions;

namespace Billing.Cli.Simulation;

/// <summary>
/// The accounts <c>billing simulate</c> bills: German customers in EUR on the demo's monthly plans (one subscription each,
/// quantity 1-5, seats 3-40), all starting on the billing day, so one scheduled run bills every account once. The same
/// seed and count give the same accounts.
/// </summary>
public static class CapacityAccounts
{
    public static AccountImportFile Generate(int accounts, int seed, DateOnly billingDay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        var random = new Random(seed);
        var plans = DemoCatalog.In("EUR").Where(p => p.Interval == BillingInterval.Monthly).ToList();
        var imported = new List<ImportedAccount>(accounts);
        for (var i = 0; i < accounts; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"sim-{i + 1:D7}");
            var plan = plans[random.Next(plans.Count)];
            imported.Add(new ImportedAccount
            {
                Account = new Account
                {
                    Id = id,
                    LegalName = string.Create(CultureInfo.InvariantCulture, $"Kunde {i + 1} GmbH"),
                    BillingEmails = [$"ap@{id}.example"],
                    Address = DemoAddresses.For("DE", random),
                    Currency = Currency.EUR,
                    PaymentTermsDays = 14,
                    VatId = DemoVatIds.For("DE", random),
                    Language = "de",
                },
                Subscriptions =
                [
                    new Subscription
                    {
                        Id = $"sub-{id}", AccountId = id, PlanId = plan.Id, StartDate = billingDay,
                        Quantity = plan.Id.StartsWith("seat-", StringComparison.Ordinal) ? random.Next(3, 41) : random.Next(1, 6),
                    },
                ],
                Charges = [],
            });
        }

        return new AccountImportFile { Plans = DemoCatalog.Plans, Accounts = imported };
    }
}
