using System.Globalization;
using Billing.Core.Accounts;
using Billing.Core.Dunning;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Sellers;
using Billing.Core.Storage;

namespace Billing.Testing;

/// <summary>
/// A store filled with <c>months</c> of the history a running system keeps, for measuring what a use case's cost does
/// with history: per account one invoice a month (issued 20 days before the run's day of the month, due 14 days later), every one before the run's
/// month paid a day before its due date with its payment document, a fifth of them reminded (a sent stage-1 notice),
/// and one processed bank file per business day; in the run's month every invoice is open and overdue. The same seed is
/// used by the dunning and report benchmarks and by the Cosmos DB operation counts (<c>Billing.Azure.Tests</c>).
/// </summary>
public static class BillingHistory
{
    public static readonly SellerOptions Seller = new()
    {
        LegalName = "Nordlicht Software GmbH", VatId = "DE123456789", Street = "Hafenstraße 1", City = "Hamburg", PostalCode = "20457",
        CountryCode = "DE", Email = "billing@nordlicht.example", Iban = "DE89370400440532013000", DomesticVatRate = 19m,
    };

    /// <summary>Writes <paramref name="accounts"/> accounts with <paramref name="months"/> months of history up to <paramref name="runDate"/>.</summary>
    public static async Task SeedAsync(IDocumentStore store, int accounts, int months, DateOnly runDate)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var batch = (store as IDocumentWriteBatching)?.BeginWriteBatch();
        for (var day = runDate.AddMonths(-months); day <= runDate; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                var id = $"bank-{day:yyyyMMdd}";
                await store.TryCreateAsync(id, id, new BankFileRecord
                {
                    Id = id, FileName = $"camt053-{day:yyyyMMdd}.xml", IngestedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero), Outcome = BankFileOutcome.Processed,
                });
            }
        }

        var number = 0;
        for (var a = 0; a < accounts; a++)
        {
            var account = NumberedAccount(a);
            await store.TryCreateAsync(account.Id, account.Id, account);
            await store.TryCreateAsync(account.Id, AccountBillingState.DocumentId, new AccountBillingState { AccountId = account.Id, NextChargeDate = runDate.AddMonths(1) });
            for (var m = months - 1; m >= 0; m--)
            {
                number++;
                await SeedInvoiceAsync(store, account, number, IssueDate(runDate, m), paid: m > 0);
            }
        }

        batch?.Commit();
    }

    /// <summary>The <paramref name="a"/>-th customer (<c>acc00000</c>, …), in Berlin, billed in EUR.</summary>
    public static Account NumberedAccount(int a) => new()
    {
        Id = $"acc{a:D5}", LegalName = $"Customer {a}", BillingEmails = [$"ap@c{a}.example"], Currency = Currency.EUR,
        Address = new PostalAddress { Street = "Main Street 1", City = "Berlin", PostalCode = "10115", CountryCode = "DE" },
    };

    /// <summary>The issue date of the invoice <paramref name="monthsBack"/> months before the run: 20 days before that date (so the run's own invoice is 6 days overdue).</summary>
    private static DateOnly IssueDate(DateOnly runDate, int monthsBack) => runDate.AddMonths(-monthsBack).AddDays(-20);

    private static async Task SeedInvoiceAsync(IDocumentStore store, Account account, int number, DateOnly issue, bool paid)
    {
        var due = issue.AddDays(14);
        var charge = new Charge { Key = $"c{number}", Date = issue, Kind = InvoiceLineKind.Recurring, Description = "Plan", Quantity = 1m, UnitPrice = Money.Of(100m, "EUR") };
        var id = $"inv-{account.Id}-{issue:yyyyMMdd}";
        var invoiceNumber = $"INV-{issue.Year}-{number:D6}";
        var invoice = InvoiceCalculator.Draft(id, account, Seller, issue, issue, [charge]) with
        {
            DueDate = due, Status = InvoiceStatus.Open, Number = invoiceNumber, CreditorReference = CreditorReference.Create(invoiceNumber), PdfPath = $"{account.Id}/{number}.pdf",
        };
        if (number % 5 == 0)
        {
            var sentAt = new DateTimeOffset(due.AddDays(-3).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
            await store.TryCreateAsync(account.Id, DunningNotice.IdFor(id, 1), new DunningNotice
            {
                Id = DunningNotice.IdFor(id, 1), AccountId = account.Id, InvoiceId = id, InvoiceNumber = invoiceNumber, Stage = 1, Policy = DunningPolicy.DefaultName,
                Day = -3, Template = DunningTemplates.Reminder, Action = DunningAction.Email, RunDate = due.AddDays(-3), Status = DunningNoticeStatus.Sent, SentAt = sentAt,
            });
        }

        if (paid)
        {
            var paymentId = string.Create(CultureInfo.InvariantCulture, $"pay-{id}");
            var booked = due.AddDays(-1);
            invoice = invoice.ApplyPayment(new InvoicePayment(paymentId, invoice.GrossTotal, booked));
            await store.TryCreateAsync(account.Id, paymentId, new Payment
            {
                Id = paymentId, AccountId = account.Id, BankFileId = $"bank-{booked:yyyyMMdd}", Amount = invoice.GrossTotal, BookingDate = booked, Status = PaymentStatus.Applied,
                Rule = MatchRule.CreditorReference, Allocations = [new PaymentAllocation(id, invoiceNumber, invoice.GrossTotal)],
                RecordedAt = new DateTimeOffset(booked.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero),
            });
        }

        await store.TryCreateAsync(account.Id, id, invoice);
    }
}
