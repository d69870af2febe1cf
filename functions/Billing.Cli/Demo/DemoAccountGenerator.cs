using System.Globalization;
using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Monetary;
using Billing.Core.Subscriptions;

namespace Billing.Cli.Demo;

/// <summary>
/// Makes the demo's import file from a seed: the same seed, count and start always give the same file.
/// Subscriptions start on days spread over the first month (account 2 on its last day, the 31st in
/// January, to show the clamped billing cycle); about a fifth change plan or quantity mid-period, some are
/// cancelled (both produce proration credits, sometimes a credit note), some accounts get a one-off charge.
/// E-invoicing: French, Dutch and Austrian customers and every other German business have a Peppol participant id
/// (their VAT number), the Austrian showcase customer cancels in its second month (a Peppol credit note that names
/// the invoice it credits), and the German public body receives XRechnung through its Leitweg-ID.
/// </summary>
public static class DemoAccountGenerator
{
    private static readonly string[] s_prefixes = ["Alpen", "Nordwind", "Blau", "Rhein", "Sonnen", "Falken", "Eichen", "Kobalt", "Lumen", "Atlas", "Vega", "Orion", "Polar", "Birken", "Silber", "Kupfer"];
    private static readonly string[] s_trades = ["Logistik", "Software", "Design", "Consulting", "Analytics", "Media", "Systems", "Labs", "Robotics", "Energy", "Foods", "Health"];

    public static AccountImportFile Generate(int accounts, int seed, DateOnly start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        var random = new Random(seed);
        var imported = new List<ImportedAccount>(accounts);
        for (var i = 0; i < accounts; i++)
        {
            var kind = i < DemoCustomerKind.Showcase.Count ? DemoCustomerKind.Showcase[i] : DemoCustomerKind.Pick(random);
            imported.Add(AccountOf(i, kind, random, start));
        }

        return new AccountImportFile { Plans = DemoCatalog.Plans, Accounts = imported };
    }

    /// <summary>A Leitweg-ID with valid check digits (ISO 7064 MOD 97-10), as a German public body publishes it.</summary>
    public const string PublicBodyLeitwegId = "04011000-1234512345-06";

    private static ImportedAccount AccountOf(int index, DemoCustomerKind kind, Random random, DateOnly start)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"acct-{index + 1:D5}");
        var name = $"{s_prefixes[random.Next(s_prefixes.Length)]} {s_trades[random.Next(s_trades.Length)]} {kind.LegalSuffix}";
        var address = DemoAddresses.For(kind.CountryCode, random);
        var vatId = kind.TaxTreatment == TaxTreatment.Exempt && kind.CountryCode != "DE" ? null : DemoVatIds.For(kind.CountryCode, random);
        var account = new Account
        {
            Id = id,
            LegalName = kind == DemoCustomerKind.GermanPublic ? $"Stadtverwaltung {address.City}" : name,
            BillingEmails = [$"accounts-payable@{id}.example"],
            Address = address,
            Currency = Currency.FromCode(kind.Currency),
            PaymentTermsDays = random.Next(3) == 0 ? 30 : 14,
            VatId = vatId,
            ElectronicAddress = ElectronicAddressOf(index, kind, vatId),
            TaxTreatment = kind.TaxTreatment,
            TaxExemptionReason = kind.ExemptionReason,
            Language = kind.CountryCode is "DE" or "AT" ? "de" : "en",
        };
        var firstDay = index switch
        {
            0 => start,
            1 => start.AddDays(DateTime.DaysInMonth(start.Year, start.Month) - start.Day),
            _ => start.AddDays(random.Next(DateTime.DaysInMonth(start.Year, start.Month))),
        };
        var subscription = SubscriptionOf(id, kind, random, firstDay);
        if (kind == DemoCustomerKind.Austrian && index < DemoCustomerKind.Showcase.Count)
        {
            subscription = subscription with { EndDate = firstDay.AddDays(45) };
        }

        return new ImportedAccount
        {
            Account = account,
            Subscriptions = [subscription],
            Charges = random.Next(10) == 0 ? [OneOff(id, kind, random, firstDay)] : [],
        };
    }

    /// <summary>The customer's Peppol participant id: its VAT number under its country's VAT scheme, or the Leitweg-ID of a public body.</summary>
    private static ElectronicAddress? ElectronicAddressOf(int index, DemoCustomerKind kind, string? vatId)
    {
        if (kind == DemoCustomerKind.GermanPublic)
        {
            return new ElectronicAddress { Scheme = ElectronicAddressSchemes.LeitwegId, Id = PublicBodyLeitwegId };
        }

        var scheme = kind == DemoCustomerKind.GermanDomestic && index % 2 == 0 ? ElectronicAddressSchemes.GermanVat
            : kind == DemoCustomerKind.French ? "9957"
            : kind == DemoCustomerKind.Dutch ? "9944"
            : kind == DemoCustomerKind.Austrian ? "9914"
            : null;
        return scheme is null || vatId is null ? null : new ElectronicAddress { Scheme = scheme, Id = vatId }.Validated();
    }

    private static Subscription SubscriptionOf(string accountId, DemoCustomerKind kind, Random random, DateOnly firstDay)
    {
        var plans = DemoCatalog.In(kind.Currency);
        var roll = random.Next(100);
        var interval = roll < 70 ? BillingInterval.Monthly : roll < 90 ? BillingInterval.Quarterly : BillingInterval.Yearly;
        var candidates = plans.Where(p => p.Interval == interval).ToList();
        if (candidates.Count == 0)
        {
            candidates = plans.Where(p => p.Interval == BillingInterval.Monthly).ToList();
        }

        var plan = candidates[random.Next(candidates.Count)];
        var quantity = plan.Id.StartsWith("seat-", StringComparison.Ordinal) ? random.Next(3, 41) : random.Next(1, 6);
        var changes = new List<SubscriptionChange>();
        DateOnly? end = null;
        var change = random.Next(100);
        if (change < 20)
        {
            var upgrade = DemoCatalog.UpgradeOf(plan);
            var effective = firstDay.AddDays(random.Next(5, 50));
            var newQuantity = Math.Max(1, quantity + random.Next(-2, 6));
            changes.Add(upgrade is not null && change < 10
                ? new SubscriptionChange { EffectiveDate = effective, PlanId = upgrade.Id }
                : new SubscriptionChange { EffectiveDate = effective, Quantity = newQuantity == quantity ? quantity + 1 : newQuantity });
        }

        if (random.Next(100) < 8)
        {
            end = firstDay.AddDays(random.Next(60, 90));
        }

        return new Subscription
        {
            Id = $"sub-{accountId}-1",
            AccountId = accountId,
            PlanId = plan.Id,
            Quantity = quantity,
            StartDate = firstDay,
            EndDate = end,
            Changes = changes,
        };
    }

    private static OneOffCharge OneOff(string accountId, DemoCustomerKind kind, Random random, DateOnly firstDay)
    {
        var workshop = random.Next(2) == 0;
        var price = kind.Currency == "SEK" ? (workshop ? 4900m : 1250m) : (workshop ? 450m : 120m);
        return new OneOffCharge
        {
            Id = $"charge-{accountId}-1",
            AccountId = accountId,
            Date = firstDay.AddDays(random.Next(0, 40)),
            Description = workshop ? "Onboarding workshop" : "Additional data import",
            Quantity = 1,
            UnitPrice = Money.Of(price, kind.Currency),
        };
    }
}
