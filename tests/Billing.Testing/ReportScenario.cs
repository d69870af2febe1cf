using Billing.Core.Catalog;
using Billing.Core.Dunning;
using Billing.Core.Invoicing;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Reporting;
using Billing.Core.Subscriptions;

namespace Billing.Testing;

/// <summary>
/// A billing world for the reports: three customers (EUR, EUR reverse charge with a credit note, USD) billed from
/// January to March 2026, one customer whose name would be markup and a formula, some invoices paid, a parked payment
/// and a credit balance.
/// </summary>
public static class ReportScenario
{
    public const string HostileName = "<script>alert('x')</script> & =SUM(A1) \"Ltd\"";

    public static readonly DateOnly End = new(2026, 3, 31);

    private static readonly Plan[] s_plans = [BillingWorld.Plan("basic", 30m), BillingWorld.Plan("pro", 90m), BillingWorld.Plan("usd", 50m, "USD")];

    public static async Task<BillingWorld> CreateAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var world = new BillingWorld(new DateOnly(2026, 1, 1), configure);
        await world.ImportAsync(
            s_plans,
            new() { Account = BillingWorld.Account("alpha") with { LegalName = HostileName }, Subscriptions = [BillingWorld.Subscription("alpha-1", "alpha", "basic", 2, new(2026, 1, 5))] },
            new()
            {
                Account = BillingWorld.Account("beta", tax: Core.Accounts.TaxTreatment.ReverseCharge),
                Subscriptions = [BillingWorld.Subscription("beta-1", "beta", "pro", 3, new(2026, 1, 10), null, new SubscriptionChange { EffectiveDate = new(2026, 2, 20), Quantity = 1 })],
            },
            new() { Account = BillingWorld.Account("gamma", "USD", Core.Accounts.TaxTreatment.Exempt), Subscriptions = [BillingWorld.Subscription("gamma-1", "gamma", "usd", 1, new(2026, 1, 5))] });
        await world.RunDailyUntilAsync(End);

        var alphaFirst = (await world.InvoicesAsync()).Where(i => i.AccountId == "alpha" && !i.IsCreditNote).MinBy(i => i.IssueDate)!;
        await PayAsync(world, alphaFirst, alphaFirst.AmountDue, alphaFirst.DueDate, "pay-alpha-1", MatchRule.CreditorReference);
        var gammaFirst = (await world.InvoicesAsync()).Where(i => i.AccountId == "gamma").MinBy(i => i.IssueDate)!;
        await PayAsync(world, gammaFirst, Money.Of(20m, "USD"), new DateOnly(2026, 2, 27), "pay-gamma-1", MatchRule.Manual);
        await world.Store.TryCreateAsync(Payment.SuspensePartition, "pay-parked-1", new Payment
        {
            Id = "pay-parked-1", AccountId = Payment.SuspensePartition, BankFileId = "file-1", Amount = Money.Of(100m, "EUR"), BookingDate = new DateOnly(2026, 2, 10),
            Status = PaymentStatus.Parked, PayerName = "=HYPERLINK(\"http://evil.example\")", ParkReason = "No reference found", RecordedAt = new DateTimeOffset(2026, 2, 10, 8, 0, 0, TimeSpan.Zero),
        });
        var betaOpen = (await world.InvoicesAsync()).Where(i => i.AccountId == "beta" && i.Status == InvoiceStatus.Open).MinBy(i => i.IssueDate)!;
        await NoticeAsync(world, alphaFirst, 1, alphaFirst.DueDate);
        await NoticeAsync(world, betaOpen, 1, betaOpen.DueDate.AddDays(3));
        await NoticeAsync(world, betaOpen, 2, betaOpen.DueDate.AddDays(10));
        await world.Get<PaymentLedger>().BookCreditAsync("beta", "goodwill-1", _ => Money.Of(25m, "EUR"), End, "goodwill", null);
        return world;
    }

    /// <summary>Applies a payment to an invoice the way payment matching will: the invoice records it, the payment is stored as applied.</summary>
    public static async Task PayAsync(BillingWorld world, Invoice invoice, Money amount, DateOnly date, string paymentId, MatchRule rule)
    {
        var stored = (await world.Store.ReadAsync<Invoice>(invoice.AccountId, invoice.Id))!;
        var paid = stored.Value.AmountPaid + amount;
        var updated = stored.Value with
        {
            AmountPaid = paid,
            Payments = [.. stored.Value.Payments, new InvoicePayment(paymentId, amount, date)],
            Status = paid == stored.Value.GrossTotal ? InvoiceStatus.Paid : stored.Value.Status,
            PaidDate = paid == stored.Value.GrossTotal ? date : null,
        };
        await world.Store.ReplaceAsync(invoice.AccountId, invoice.Id, updated, stored.ETag);
        await world.Store.TryCreateAsync(invoice.AccountId, paymentId, new Payment
        {
            Id = paymentId, AccountId = invoice.AccountId, BankFileId = "file-1", Amount = amount, BookingDate = date, Status = PaymentStatus.Applied, Rule = rule,
            Allocations = [new PaymentAllocation(invoice.Id, invoice.Number!, amount)], RecordedAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        });
    }

    public static async Task NoticeAsync(BillingWorld world, Invoice invoice, int stage, DateOnly sent) =>
        await world.Store.TryCreateAsync(invoice.AccountId, DunningNotice.IdFor(invoice.Id, stage), new DunningNotice
        {
            Id = DunningNotice.IdFor(invoice.Id, stage), AccountId = invoice.AccountId, InvoiceId = invoice.Id, InvoiceNumber = invoice.Number!, Stage = stage,
            Policy = "default", Day = stage * 7, Template = $"stage-{stage}", Action = DunningAction.Email, RunDate = sent, Status = DunningNoticeStatus.Sent,
            SentAt = new DateTimeOffset(sent.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero),
        });

    public static ReportContent Report(IReadOnlyList<ReportContent> contents, string name) => contents.Single(c => c.Report == name);

    public static decimal Figure(ReportContent content, string key) =>
        decimal.Parse(content.Summary.Single(f => f.Key == key).Value, System.Globalization.CultureInfo.InvariantCulture);

    public static decimal Cell(IReadOnlyList<string> row, int column) =>
        decimal.Parse(row[column], System.Globalization.CultureInfo.InvariantCulture);
}
