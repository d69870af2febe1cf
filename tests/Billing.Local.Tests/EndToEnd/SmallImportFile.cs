using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Monetary;
using Billing.Core.Subscriptions;

namespace Billing.Local.Tests.EndToEnd;

/// <summary>
/// Three accounts billed over January and February 2026: a monthly plan from Jan 1 with a one-off charge on
/// Jan 10 (invoices Jan 1, Jan 10, Feb 1), a monthly reverse-charge account from Jan 31 (Jan 31, Feb 28), and a
/// quarterly plan from Jan 15 whose quantity grows on Feb 10 (Jan 15, Feb 10): seven invoices, all positive.
/// </summary>
internal static class SmallImportFile
{
    public const int InvoicesOverJanuaryAndFebruary = 7;

    public static AccountImportFile Create(int extraAccounts = 0)
    {
        var monthly = new Plan { Id = "team-monthly", Name = "Team (monthly)", Interval = BillingInterval.Monthly, UnitPrice = Money.Of(49m, "EUR") };
        var quarterly = new Plan { Id = "team-quarterly", Name = "Team (quarterly)", Interval = BillingInterval.Quarterly, UnitPrice = Money.Of(139m, "EUR") };
        var accounts = new List<ImportedAccount>
        {
            new()
            {
                Account = AccountOf("acc-1", "DE"),
                Subscriptions = [new Subscription { Id = "sub-1", AccountId = "acc-1", PlanId = monthly.Id, Quantity = 2, StartDate = new DateOnly(2026, 1, 1) }],
                Charges = [new OneOffCharge { Id = "setup-1", AccountId = "acc-1", Date = new DateOnly(2026, 1, 10), Description = "Onboarding", UnitPrice = Money.Of(250m, "EUR") }],
            },
            new()
            {
                Account = AccountOf("acc-2", "FR") with { TaxTreatment = TaxTreatment.ReverseCharge, VatId = "FR40303265045" },
                Subscriptions = [new Subscription { Id = "sub-2", AccountId = "acc-2", PlanId = monthly.Id, Quantity = 1, StartDate = new DateOnly(2026, 1, 31) }],
            },
            new()
            {
                Account = AccountOf("acc-3", "DE"),
                Subscriptions =
                [
                    new Subscription
                    {
                        Id = "sub-3", AccountId = "acc-3", PlanId = quarterly.Id, Quantity = 1, StartDate = new DateOnly(2026, 1, 15),
                        Changes = [new SubscriptionChange { EffectiveDate = new DateOnly(2026, 2, 10), Quantity = 3 }],
                    },
                ],
            },
        };
        for (var i = 0; i < extraAccounts; i++)
        {
            var id = $"extra-{i:D3}";
            accounts.Add(new ImportedAccount
            {
                Account = AccountOf(id, "DE"),
                Subscriptions = [new Subscription { Id = $"sub-{id}", AccountId = id, PlanId = monthly.Id, Quantity = 1 + (i % 3), StartDate = new DateOnly(2026, 1, 1 + (i % 28)) }],
            });
        }

        return new AccountImportFile { Plans = [monthly, quarterly], Accounts = accounts };
    }

    private static Account AccountOf(string id, string country) => new()
    {
        Id = id,
        LegalName = $"Customer {id}",
        BillingEmails = [$"ap@{id}.example"],
        Address = new PostalAddress { Street = "Street 1", City = "City", PostalCode = "12345", CountryCode = country },
        Currency = Currency.EUR,
    };
}
