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
/// &lt; 300 MB peak: 20,000 accounts with one open invoice each are seeded into a fresh data directory before every
/// iteration (not measured); the entries pay them by RF reference, by invoice number, by payer IBAN, or cannot be
/// matched. The file is generated to disk once (not measured) and ingested from a file stream, so the figures are
/// the ingestion's alone: one cold run, and the peak working set of the ingestion phase (<see cref="PeakWorkingSet"/>)
/// is printed after it.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class BankFileIngestionBenchmarks
{
    public const int Entries = 100_000;
    public const int Accounts = 20_000;
    private string _file = null!;
    private string _directory = null!;
    private ServiceProvider? _services;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"billing-camt-{Guid.NewGuid():N}.xml");
        WriteCamt(_file, Entries);
    }

    /// <summary>A fresh data directory with the accounts and invoices, so every iteration ingests for real (no duplicate).</summary>
    [IterationSetup]
    public void Seed()
    {
        DisposeServices();
        (_services, _directory) = SeededServices();
    }

    [Benchmark]
    public async Task<int> Ingest100kCamt053()
    {
        var ingestion = _services!.GetRequiredService<BankFileIngestion>();
        using var peak = PeakWorkingSet.Start();
        var watch = Stopwatch.StartNew();
        BankFileIngestionReport report;
        await using (var file = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024))
        {
            report = await ingestion.IngestAsync("big.xml", file, dryRun: false);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// ingestion: {report.Outcome}, {string.Join(", ", report.ByOutcome.Select(o => $"{o.Name}={o.Count}"))}; {watch.Elapsed.TotalSeconds:0.00} s; peak working set of the ingestion {peak.Bytes / (1024 * 1024)} MB ({peak.Source}), process peak {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB"));
        return report.Entries;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        DisposeServices();
        File.Delete(_file);
    }

    /// <summary>Services on a new data directory holding <see cref="Accounts"/> accounts with one open 1,000 EUR invoice each.</summary>
    public static (ServiceProvider Services, string Directory) SeededServices(Action<IServiceCollection>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"billing-ingest-{Guid.NewGuid():N}");
        var services = Services(directory, configure);
        var store = services.GetRequiredService<IDocumentStore>();
        Parallel.For(0, Accounts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, a => SeedAsync(store, a).GetAwaiter().GetResult());
        return (services, directory);
    }

    /// <summary>The embedded default on <paramref name="directory"/>, with the seller whose account the generated files credit.</summary>
    public static ServiceProvider Services(string directory, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Seller:LegalName"] = "Bench GmbH", ["Seller:VatId"] = "DE1", ["Seller:Street"] = "s", ["Seller:City"] = "c", ["Seller:PostalCode"] = "1",
            ["Seller:CountryCode"] = "DE", ["Seller:Email"] = "b@example.com", ["Seller:Iban"] = OwnIban, ["Seller:DomesticVatRate"] = "19",
        };
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging().AddBillingCore().AddLocalBilling(directory);
        configure?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    /// <summary>The seller's account, which the generated files credit.</summary>
    public const string OwnIban = "DE89370400440532013000";

    /// <summary>Writes the camt.053 with <paramref name="entries"/> entries to <paramref name="path"/>, streaming.</summary>
    public static void WriteCamt(string path, int entries)
    {
        using var text = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        text.Write(CamtHeader);
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
            text.Write(CamtEntry($"R{i}", i % 4 == 2 ? 1000m : 100m, new DateOnly(2026, 2, 1), $"Payer {a}", iban, remittance));
        }

        text.Write(CamtTrailer);
    }

    /// <summary>The start of a camt.053.001.08 statement of <see cref="OwnIban"/> in EUR, with no balances (none is checked).</summary>
    public const string CamtHeader = """<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>B</MsgId><CreDtTm>2026-02-01T18:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>""";

    public const string CamtTrailer = "</Stmt></BkToCstmrStmt></Document>";

    /// <summary>One booked EUR credit; <paramref name="remittance"/> is the content of <c>RmtInf</c>.</summary>
    public static string CamtEntry(string bankReference, decimal amount, DateOnly booked, string payer, string payerIban, string remittance) =>
        string.Create(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">{amount:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{booked:yyyy-MM-dd}</Dt></BookgDt><AcctSvcrRef>{bankReference}</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>{payer}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{payerIban}</IBAN></Id></DbtrAcct></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>");

    private void DisposeServices()
    {
        _services?.Dispose();
        _services = null;
        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static async Task SeedAsync(IDocumentStore store, int a)
    {
        var account = Account(a);
        await store.TryCreateAsync(account.Id, account.Id, account);
        var invoice = Invoice(account, $"inv-{a}", InvoiceNumberSequence.Format("INV-2026", a + 1), new DateOnly(2026, 1, 1), 1000m);
        await store.TryCreateAsync(account.Id, invoice.Id, invoice);
    }

    /// <summary>Account <c>acct-{a}</c>, paying from <see cref="PayerIban"/>.</summary>
    public static Account Account(int a) => new()
    {
        Id = $"acct-{a}", LegalName = $"Customer {a} GmbH", BillingEmails = ["x@example.com"], Currency = Currency.EUR,
        Address = new PostalAddress { Street = "s", City = "c", PostalCode = "1", CountryCode = "DE" }, KnownPayerIbans = [PayerIban(a)],
    };

    /// <summary>An open EUR invoice of <paramref name="account"/> for <paramref name="gross"/>, due 14 days after issue, with its RF reference.</summary>
    public static Invoice Invoice(Account account, string id, string number, DateOnly issued, decimal gross)
    {
        var total = Money.Of(gross, "EUR");
        return new Invoice
        {
            Id = id, AccountId = account.Id, BillingDate = issued, Status = InvoiceStatus.Open, Number = number, IssueDate = issued,
            DueDate = issued.AddDays(14), Currency = Currency.EUR, Seller = new Party { LegalName = "Bench", Address = account.Address },
            Buyer = new Party { LegalName = account.LegalName, Address = account.Address }, Lines = [], VatBreakdown = [], NetTotal = total, VatTotal = Money.Zero(Currency.EUR),
            GrossTotal = total, AmountPaid = Money.Zero(Currency.EUR), PayeeIban = OwnIban, CreditorReference = CreditorReference.Create(number),
        };
    }

    public static string PayerIban(int a) => $"DE00BENCH{a:D10}";
}
