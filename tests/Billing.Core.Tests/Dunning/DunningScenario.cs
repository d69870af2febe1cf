using Billing.Core.Accounts;
using Billing.Core.Dunning;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Billing.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Core.Tests.Dunning;

/// <summary>A <see cref="BillingWorld"/> with accounts and open invoices written straight into the store, a bank file
/// ingested on demand, and dunning runs as the Functions host would do them (schedule, then drain the queue).</summary>
internal sealed class DunningScenario : IDisposable
{
    private int _number;

    public DunningScenario(DateOnly today, Action<DunningOptions>? configure = null, int? pageSize = null)
    {
        World = new BillingWorld(today, services =>
        {
            services.PostConfigure<DunningOptions>(o => configure?.Invoke(o));
            services.PostConfigure<Core.Messaging.SchedulePageOptions>(o => o.DunningPageSize = pageSize ?? o.DunningPageSize);
        });
    }

    public BillingWorld World { get; }

    public IDocumentStore Store => World.Store;

    public static SellerOptions Seller => new()
    {
        LegalName = "Nordlicht Software GmbH", VatId = "DE123456789", Street = "Hafenstraße 1", City = "Hamburg", PostalCode = "20457",
        CountryCode = "DE", Email = "billing@nordlicht.example", Iban = "DE89370400440532013000", Bic = "COBADEFFXXX", DomesticVatRate = 19m,
    };

    public async Task<Account> AddAccountAsync(string id, string language = "en", string policy = DunningPolicy.DefaultName)
    {
        var account = BillingWorld.Account(id) with { Language = language, DunningPolicy = policy };
        await Store.TryCreateAsync(id, id, account);
        return account;
    }

    /// <summary>An issued, open invoice of <paramref name="net"/> EUR net (+19 % VAT) due on <paramref name="due"/>, with its PDF stored.</summary>
    public async Task<Invoice> AddInvoiceAsync(string accountId, DateOnly due, decimal net = 100m, InvoiceStatus status = InvoiceStatus.Open)
    {
        var account = (await Store.ReadAsync<Account>(accountId, accountId))!.Value;
        var number = $"INV-2026-{++_number:D6}";
        var issue = due.AddDays(-14);
        var charge = new Charge { Key = $"c{_number}", Date = issue, Kind = InvoiceLineKind.OneOff, Description = "Service", Quantity = 1m, UnitPrice = Money.Of(net, "EUR") };
        var id = $"inv-{accountId}-{_number:D6}";
        var invoice = InvoiceCalculator.Draft(id, account, Seller, issue, issue, [charge]) with
        {
            DueDate = due, Status = status, Number = number, CreditorReference = CreditorReference.Create(number), PdfPath = $"{accountId}/{number}.pdf",
        };
        await Store.TryCreateAsync(accountId, id, invoice);
        using var pdf = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"PDF {number}"));
        await World.Blobs.TryCreateAsync(new BlobRef("invoices", invoice.PdfPath!), pdf, "application/pdf");
        return invoice;
    }

    public Task IngestBankFileAsync(DateOnly on, BankFileOutcome outcome = BankFileOutcome.Processed) =>
        Store.TryCreateAsync(Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), new BankFileRecord
        {
            Id = Guid.NewGuid().ToString("N"), FileName = $"camt-{on:yyyyMMdd}.xml", IngestedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero), Outcome = outcome,
        });

    /// <summary>Ingests a bank file that morning, then schedules and sends, as the timer and queue triggers would.</summary>
    public async Task<DunningRunReport> RunAsync(DateOnly day, bool ingest = true)
    {
        World.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        if (ingest)
        {
            await IngestBankFileAsync(day);
        }

        var report = await World.Get<DunningScheduler>().ScheduleAsync(day);
        await World.DrainAsync();
        return report;
    }

    /// <summary>Marks the invoice paid in the store, as payment ingestion will.</summary>
    public async Task PayAsync(Invoice invoice)
    {
        var stored = (await Store.ReadAsync<Invoice>(invoice.AccountId, invoice.Id))!;
        await Store.ReplaceAsync(invoice.AccountId, invoice.Id, stored.Value with { Status = InvoiceStatus.Paid, AmountPaid = stored.Value.GrossTotal, PaidDate = World.Today }, stored.ETag);
    }

    public async Task<List<DunningNotice>> NoticesAsync()
    {
        var notices = new List<DunningNotice>();
        await foreach (var notice in Store.QueryAllAsync<DunningNotice>())
        {
            notices.Add(notice.Value);
        }

        return notices;
    }

    /// <summary>The sections of a dunning email's text body, by template: each from its heading line to the next heading or the total.</summary>
    public static Dictionary<string, string> SectionsOf(string body, string language)
    {
        var nl = Environment.NewLine;
        var starts = DunningTemplates.Names
            .Select(t => (Template: t, At: body.IndexOf(nl + DunningTemplates.Text(t, language).Heading + nl, StringComparison.Ordinal)))
            .Where(x => x.At >= 0).OrderBy(x => x.At).ToList();
        var end = body.IndexOf(nl + DunningTemplates.Labels(language).Total + ":", StringComparison.Ordinal);
        Assert.True(end >= 0, "the email has no total line");
        return starts.Select((x, i) => (x.Template, Text: body[x.At..(i + 1 < starts.Count ? starts[i + 1].At : end)]))
            .ToDictionary(x => x.Template, x => x.Text, StringComparer.Ordinal);
    }

    public async Task<Invoice> ReloadAsync(Invoice invoice) => (await Store.ReadAsync<Invoice>(invoice.AccountId, invoice.Id))!.Value;

    public void Dispose() => World.Dispose();
}
