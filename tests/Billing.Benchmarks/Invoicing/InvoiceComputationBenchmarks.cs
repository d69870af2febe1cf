using BenchmarkDotNet.Attributes;
using Billing.Core.Accounts;
using Billing.Core.Catalog;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Sellers;
using Billing.Core.Subscriptions;

namespace Billing.Benchmarks.Invoicing;

/// <summary>
/// Invoice computation without I/O: the charges of an account's subscriptions up to a date (with a
/// mid-period quantity change, so proration runs) and the draft invoice with EN 16931 totals. The issue's
/// target is ≥ 50,000 invoices per second per core: one operation here is one invoice.
/// </summary>
[MemoryDiagnoser]
public class InvoiceComputationBenchmarks
{
    private static readonly SellerOptions s_seller = new()
    {
        LegalName = "Nordlicht Software GmbH", VatId = "DE123456789", Street = "Hafenstraße 1", City = "Hamburg", PostalCode = "20457",
        CountryCode = "DE", Email = "billing@nordlicht.example", Iban = "DE89370400440532013000", DomesticVatRate = 19m,
    };

    private readonly Dictionary<string, Plan> _plans = new()
    {
        ["team"] = new Plan { Id = "team", Name = "Team", Interval = BillingInterval.Monthly, UnitPrice = Money.Of(49m, "EUR") },
        ["pro"] = new Plan { Id = "pro", Name = "Pro", Interval = BillingInterval.Monthly, UnitPrice = Money.Of(99m, "EUR") },
    };

    private readonly Account _account = new()
    {
        Id = "acct-1", LegalName = "Vega Software GmbH", BillingEmails = ["ap@vega.example"], Currency = Currency.EUR,
        Address = new PostalAddress { Street = "Torstraße 105", City = "Berlin", PostalCode = "10115", CountryCode = "DE" },
    };

    private Subscription[] _subscriptions = [];

    [GlobalSetup]
    public void Setup() => _subscriptions =
    [
        new() { Id = "s1", AccountId = "acct-1", PlanId = "team", Quantity = 3, StartDate = new(2026, 1, 15), Changes = [new SubscriptionChange { EffectiveDate = new(2026, 3, 1), Quantity = 5 }] },
        new() { Id = "s2", AccountId = "acct-1", PlanId = "pro", Quantity = 1, StartDate = new(2026, 3, 1) },
    ];

    /// <summary>One invoice: the charges that became billable on 2026-03-01 and the draft built from them.</summary>
    [Benchmark]
    public Invoice ComputeInvoice()
    {
        var day = new DateOnly(2026, 3, 1);
        var charges = new List<Charge>();
        foreach (var subscription in _subscriptions)
        {
            foreach (var charge in SubscriptionCharges.Until(subscription, _plans, day))
            {
                if (charge.Date == day)
                {
                    charges.Add(charge);
                }
            }
        }

        return InvoiceCalculator.Draft("inv-acct-1-20260301", _account, s_seller, day, day, charges);
    }
}
