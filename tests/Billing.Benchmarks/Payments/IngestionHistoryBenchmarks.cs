using System.Text;
using BenchmarkDotNet.Attributes;
using Billing.Core.Accounts;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Matching;
using Billing.Core.Payments;
using Billing.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Billing.Benchmarks.Payments.BankFileIngestionBenchmarks;

namespace Billing.Benchmarks.Payments;

/// <summary>
/// Ingesting one small camt.053 (50 entries: 40 pay open invoices by RF reference, 10 cannot be matched) on the embedded
/// default, over <see cref="Accounts"/> accounts with <see cref="Months"/> months of history: one invoice a month each,
/// every one but the current month's paid by a recorded payment. Target: 18 months cost at most 1.25 times 1 month, since
/// ingestion reads the open invoices, the invoices closed in the last <see cref="OpenInvoiceIndex.ClosedLookbackDays"/>
/// days and (for returns) the payments of the last weeks, never the whole history. Each iteration ingests into a fresh
/// copy of a data directory seeded once per parameter (the copy is not measured).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 12, invocationCount: 1)]
public class IngestionHistoryBenchmarks
{
    public const int Accounts = 200;
    private const int Entries = 50;
    private string _template = null!;
    private string _directory = null!;
    private byte[] _file = null!;
    private ServiceProvider? _services;

    [Params(1, 6, 18)]
    public int Months { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        _template = Path.Combine(Path.GetTempPath(), $"billing-history-{Guid.NewGuid():N}");
        using (var services = Services(_template))
        {
            SeedAsync(services.GetRequiredService<IDocumentStore>(), today).GetAwaiter().GetResult();
        }

        var file = new StringBuilder(CamtHeader);
        for (var e = 0; e < Entries; e++)
        {
            var a = e * (Accounts / Entries);
            var remittance = e < 40 ? $"<Strd><CdtrRefInf><Ref>{CreditorReference.Create(Number(a, 0))}</Ref></CdtrRefInf></Strd>" : "<Ustrd>unknown</Ustrd>";
            file.Append(CamtEntry($"H{e}", 100m, today, $"Payer {a}", PayerIban(a), remittance));
        }

        _file = Encoding.UTF8.GetBytes(file.Append(CamtTrailer).ToString());
    }

    [IterationSetup]
    public void Fresh()
    {
        _services?.Dispose();
        _directory = Path.Combine(Path.GetTempPath(), $"billing-history-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.GetFiles(_template))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }

        _services = Services(_directory);
        _ = _services.GetRequiredService<IDocumentStore>(); // the database is opened here, not in the measurement
    }

    [Benchmark]
    public async Task<int> IngestSmallFile()
    {
        var report = await _services!.GetRequiredService<BankFileIngestion>().IngestAsync("small.xml", new MemoryStream(_file), dryRun: false);
        return report.Outcome == IngestionOutcome.Processed ? report.Entries : throw new InvalidOperationException($"The file was {report.Outcome}: {report.Error}");
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        _services = null;
        Directory.Delete(_directory, recursive: true);
    }

    [GlobalCleanup]
    public void Remove() => Directory.Delete(_template, recursive: true);

    /// <summary>Account <paramref name="a"/>'s invoice of <paramref name="monthsAgo"/> months ago.</summary>
    private static string Number(int a, int monthsAgo) => InvoiceNumberSequence.Format($"INV-H{monthsAgo:D2}", a + 1);

    private async Task SeedAsync(IDocumentStore store, DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        for (var a = 0; a < Accounts; a++)
        {
            var account = Account(a);
            await store.TryCreateAsync(account.Id, account.Id, account);
            for (var monthsAgo = 0; monthsAgo < Months; monthsAgo++)
            {
                var issued = thisMonth.AddMonths(-monthsAgo);
                var invoice = Invoice(account, $"inv-{a}-{monthsAgo}", Number(a, monthsAgo), issued, 1000m);
                if (monthsAgo > 0)
                {
                    var paidOn = issued.AddDays(10);
                    var payment = Payment.Of(new BankTransaction { BookingDate = paidOn, PayerIban = PayerIban(a), BankReference = $"P{a}-{monthsAgo}" },
                        $"pay-{a}-{monthsAgo}", account.Id, "history", invoice.GrossTotal, PaymentStatus.Applied, new DateTimeOffset(paidOn.ToDateTime(TimeOnly.MinValue))) with
                    {
                        Rule = MatchRule.CreditorReference, Confidence = 1m, Allocations = [new PaymentAllocation(invoice.Id, invoice.Number!, invoice.GrossTotal)],
                    };
                    await store.TryCreateAsync(account.Id, payment.Id, payment);
                    invoice = invoice.ApplyPayment(new InvoicePayment(payment.Id, invoice.GrossTotal, paidOn));
                }

                await store.TryCreateAsync(account.Id, invoice.Id, invoice);
            }
        }
    }
}
