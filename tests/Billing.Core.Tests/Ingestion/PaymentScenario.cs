using Billing.Core.Accounts;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Payments;
using Billing.Testing;

namespace Billing.Core.Tests.Ingestion;

/// <summary>
/// A billing world with issued invoices: accounts acme and globex on a 100 EUR monthly plan (119.00 with VAT) billed
/// from 2026-01-01, so acme has INV-2026-000001 and globex INV-2026-000002; acme pays from a known IBAN.
/// </summary>
public sealed class PaymentScenario : IDisposable
{
    public const string AcmeIban = "DE02120300000000202051";

    private PaymentScenario(BillingWorld world) => World = world;

    public BillingWorld World { get; }

    public BankFileIngestion Ingestion => World.Get<BankFileIngestion>();

    public static async Task<PaymentScenario> StartAsync(int months = 1)
    {
        var world = new BillingWorld(new DateOnly(2026, 1, 1));
        var acme = BillingWorld.Account("acme") with { LegalName = "Acme Trading Ltd", KnownPayerIbans = [AcmeIban] };
        var globex = BillingWorld.Account("globex") with { LegalName = "Globex Corporation" };
        await world.ImportAsync([BillingWorld.Plan("basic", 100m)],
            new ImportedAccount { Account = acme, Subscriptions = [BillingWorld.Subscription("acme-1", "acme", "basic", 1, new(2026, 1, 1))] },
            new ImportedAccount { Account = globex, Subscriptions = [BillingWorld.Subscription("globex-1", "globex", "basic", 1, new(2026, 1, 1))] });
        await world.RunDailyUntilAsync(new DateOnly(2026, 1, 1).AddMonths(months - 1));
        return new PaymentScenario(world);
    }

    public async Task<Invoice> InvoiceAsync(string number) =>
        (await World.InvoicesAsync()).Single(i => i.Number == number);

    public Task<BankFileIngestionReport> IngestAsync(Stream file, string name = "statement.xml", bool dryRun = false) =>
        Ingestion.IngestAsync(name, file, dryRun);

    public async Task<AccountCredit?> CreditAsync(string accountId) =>
        (await World.Store.ReadAsync<AccountCredit>(accountId, AccountCredit.DocumentId))?.Value;

    public async Task<List<Payment>> PaymentsAsync()
    {
        var payments = new List<Payment>();
        await foreach (var p in World.Store.QueryAllAsync<Payment>())
        {
            payments.Add(p.Value);
        }

        return payments;
    }

    public static int Count(BankFileIngestionReport report, EntryOutcome outcome) =>
        report.ByOutcome.Where(o => o.Name == outcome.ToString()).Sum(o => o.Count);

    public void Dispose() => World.Dispose();
}
