using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Billing.Core;
using Billing.Core.Accounts;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Storage;
using Billing.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Benchmarks.Payments;

/// <summary>
/// Ingesting a 100,000-entry camt.053 on the embedded default (SQLite store, folder blobs), target &lt; 20 s and
/// &lt; 300 MB peak: 20,000 accounts with one open invoice each are seeded (not measured); the entries pay them by
/// RF reference, by invoice number, by payer IBAN, or cannot be matched. One cold run; the process's peak working
/// set is printed after the run.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class BankFileIngestionBenchmarks
{
    public const int Entries = 100_000;
    public const int Accounts = 20_000;
    private ServiceProvider _services = null!;
    private string _directory = null!;
    private byte[] _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"billing-ingest-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["Seller:LegalName"] = "Bench GmbH", ["Seller:VatId"] = "DE1", ["Seller:Street"] = "s", ["Seller:City"] = "c", ["Seller:PostalCode"] = "1",
            ["Seller:CountryCode"] = "DE", ["Seller:Email"] = "b@example.com", ["Seller:Iban"] = "DE89370400440532013000", ["Seller:DomesticVatRate"] = "19",
        };
        _services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging().AddBillingCore().AddLocalBilling(_directory).BuildServiceProvider();
        var store = _services.GetRequiredService<IDocumentStore>();
        Parallel.For(0, Accounts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, a => SeedAsync(store, a).GetAwaiter().GetResult());
        _file = Camt(Entries);
    }

    [Benchmark]
    public async Task<int> Ingest100kCamt053()
    {
        var report = await _services.GetRequiredService<BankFileIngestion>().IngestAsync("big.xml", new MemoryStream(_file), dryRun: false);
        Console.WriteLine($"// ingestion: {report.Outcome}, {string.Join(", ", report.ByOutcome.Select(o => $"{o.Name}={o.Count}"))}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        return report.Entries;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static async Task SeedAsync(IDocumentStore store, int a)
    {
        var id = $"acct-{a}";
        var account = new Account
        {
            Id = id, LegalName = $"Customer {a} GmbH", BillingEmails = ["x@example.com"], Currency = Currency.EUR,
            Address = new PostalAddress { Street = "s", City = "c", PostalCode = "1", CountryCode = "DE" }, KnownPayerIbans = [PayerIban(a)],
        };
        await store.TryCreateAsync(id, id, account);
        var number = InvoiceNumberSequence.Format("INV-2026", a + 1);
        var gross = Money.Of(1000m, "EUR");
        await store.TryCreateAsync(id, $"inv-{a}", new Invoice
        {
            Id = $"inv-{a}", AccountId = id, BillingDate = new DateOnly(2026, 1, 1), Status = InvoiceStatus.Open, Number = number, IssueDate = new DateOnly(2026, 1, 1),
            DueDate = new DateOnly(2026, 1, 15), Currency = Currency.EUR, Seller = new Party { LegalName = "Bench", Address = account.Address },
            Buyer = new Party { LegalName = account.LegalName, Address = account.Address }, Lines = [], VatBreakdown = [], NetTotal = gross, VatTotal = Money.Zero(Currency.EUR),
            GrossTotal = gross, AmountPaid = Money.Zero(Currency.EUR), PayeeIban = "DE89370400440532013000", CreditorReference = CreditorReference.Create(number),
        });
    }

    private static string PayerIban(int a) => $"DE00BENCH{a:D10}";

    private static byte[] Camt(int entries)
    {
        var text = new StringBuilder(entries * 700);
        text.Append("""<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>B</MsgId><CreDtTm>2026-02-01T18:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>""");
        for (var i = 0; i < entries; i++)
        {
            var a = i % Accounts;
            var number = InvoiceNumberSequence.Format("INV-2026", a + 1);
            var (remittance, iban) = (i % 4) switch
            {
                0 => ($"<Strd><CdtrRefInf><Ref>{CreditorReference.Create(number)}</Ref></CdtrRefInf></Strd>", "DE02120300000000202051"),
                1 => ($"<Ustrd>Invoice {number}</Ustrd>", "DE02120300000000202051"),
                2 => ("<Ustrd>monthly fee</Ustrd>", PayerIban(a)),
                _ => ("<Ustrd>unknown</Ustrd>", "DE02120300000000202051"),
            };
            text.Append(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">{(i % 4 == 2 ? "1000.00" : "100.00")}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-02-01</Dt></BookgDt><AcctSvcrRef>R{i}</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>Payer {a}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{iban}</IBAN></Id></DbtrAcct></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>");
        }

        text.Append("</Stmt></BkToCstmrStmt></Document>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
