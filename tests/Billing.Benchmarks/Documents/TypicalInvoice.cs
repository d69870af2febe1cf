using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;

namespace Billing.Benchmarks.Documents;

/// <summary>A typical issued invoice: five lines (one a proration credit), two VAT rates, a German seller and buyer.</summary>
internal static class TypicalInvoice
{
    public static Invoice Create()
    {
        var eur = Currency.EUR;
        var start = new DateOnly(2026, 3, 1);
        var end = new DateOnly(2026, 3, 31);
        var change = new DateOnly(2026, 3, 12);
        InvoiceLine[] lines =
        [
            Line(1, "Team plan, 5 seats", 5m, 29.90m, 149.50m, 19m, start, end),
            Line(2, "Additional storage 100 GB", 3m, 4.99m, 14.97m, 19m, start, end),
            Line(3, "Unused time on Starter plan", -1m, 19.90m, -12.84m, 19m, change, end),
            Line(4, "Remaining time on Business plan", 1m, 49.90m, 32.19m, 19m, change, end),
            Line(5, "Printed administrator handbook", 1m, 12.00m, 12.00m, 7m, null, null),
        ];
        VatSubtotal[] breakdown =
        [
            new() { Category = VatCategory.Standard, Rate = 19m, TaxableAmount = new(183.82m, eur), TaxAmount = new(34.93m, eur) },
            new() { Category = VatCategory.Standard, Rate = 7m, TaxableAmount = new(12.00m, eur), TaxAmount = new(0.84m, eur) },
        ];
        return new Invoice
        {
            Id = Invoice.IdFor("acct-101", start),
            AccountId = "acct-101",
            BillingDate = start,
            Status = InvoiceStatus.Open,
            Number = "INV-2026-000101",
            IssueDate = change,
            DueDate = change.AddDays(14),
            Currency = eur,
            Seller = Party("Nordlicht Software GmbH", "DE123456789", "Friedrichstraße 12", "Berlin", "10117"),
            Buyer = Party("Hafenkontor Müller AG", "DE987654321", "Am Sandtorkai 5", "Hamburg", "20457"),
            Lines = lines,
            VatBreakdown = breakdown,
            NetTotal = new(195.82m, eur),
            VatTotal = new(35.77m, eur),
            GrossTotal = new(231.59m, eur),
            AmountPaid = Money.Zero(eur),
            PayeeIban = "DE89370400440532013000",
            PayeeBic = "COBADEFFXXX",
            CreditorReference = "RF13INV2026000101",
        };
    }

    private static InvoiceLine Line(int n, string description, decimal quantity, decimal price, decimal net, decimal rate, DateOnly? start, DateOnly? end) => new()
    {
        Key = $"line-{n}",
        Kind = InvoiceLineKind.Recurring,
        Description = description,
        PeriodStart = start,
        PeriodEnd = end,
        Quantity = quantity,
        UnitPrice = new(price, Currency.EUR),
        NetAmount = new(net, Currency.EUR),
        VatCategory = VatCategory.Standard,
        VatRate = rate,
    };

    private static Party Party(string name, string vatId, string street, string city, string postalCode) => new()
    {
        LegalName = name,
        VatId = vatId,
        Address = new PostalAddress { Street = street, City = city, PostalCode = postalCode, CountryCode = "DE" },
    };
}
