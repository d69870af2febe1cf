using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Billing.Core.Invoicing;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Reporting;
using Billing.Core.Serialization;
using Billing.Core.Storage;
using Billing.Local;
using Billing.Local.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Billing.Benchmarks.Reporting;

/// <summary>
/// Computes every report snapshot (aging, revenue, cash, dunning, unapplied, and the month, quarter and year close) over
/// 100,000 accounts and 1,000,000 invoices (plus 300,000 payments) in the embedded SQLite store. The database is
/// generated once into <c>$TMPDIR/billing-reports-bench</c> and reused. Besides BenchmarkDotNet's time and allocation,
/// it prints the managed heap and the process's peak working set after the run: they must not grow with the invoices.
/// <code>dotnet run -c Release --project tests/Billing.Benchmarks -- --filter '*ReportSnapshot*'</code>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ReportSnapshotBenchmarks
{
    private const int Accounts = 100_000;
    private const int InvoicesPerAccount = 10;
    private const int PaymentsEvery = 3;
    private static readonly DateOnly s_asOf = new(2027, 1, 1);
    private LocalDatabase? _database;
    private ReportBuilder? _builder;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "billing-reports-bench");
        var data = new LocalDataDirectory(folder);
        var seeded = File.Exists(data.Database);
        Directory.CreateDirectory(folder);
        _database = new LocalDatabase(data);
        if (!seeded)
        {
            Seed(data.Database);
        }

        var store = new SqliteDocumentStore(_database, TimeProvider.System);
        _builder = new ReportBuilder(store, Options.Create(new ReportOptions()), NullLogger<ReportBuilder>.Instance);
    }

    [Benchmark]
    public async Task<int> EverySnapshot()
    {
        var contents = await _builder!.BuildAsync(s_asOf);
        var process = Process.GetCurrentProcess();
        Console.WriteLine(FormattableString.Invariant(
            $"// reports: {contents.Count} snapshots; managed heap {GC.GetTotalMemory(false) / 1_048_576} MiB; peak working set {process.PeakWorkingSet64 / 1_048_576} MiB"));
        return contents.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();

    private static void Seed(string path)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO documents (container, partition_key, id, type, etag, body, updated_at) VALUES ($c, $p, $i, $t, 'seed', $b, '2027-01-01T00:00:00Z')";
        var parameters = new[] { "$c", "$p", "$i", "$t", "$b" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        var random = new Random(42);
        for (var a = 0; a < Accounts; a++)
        {
            var accountId = $"acct-{a:D6}";
            var currency = (a % 10) switch { < 7 => Currency.EUR, < 9 => Currency.USD, _ => Currency.GBP };
            for (var n = 0; n < InvoicesPerAccount; n++)
            {
                var invoice = Invoice(accountId, currency, s_asOf.AddMonths(n - InvoicesPerAccount).AddDays(random.Next(0, 28)), random, n);
                Write(insert, parameters, Containers.Billing, accountId, invoice.Id, Core.Invoicing.Invoice.DocumentType, BillingJson.Serialize(invoice));
                if ((a * InvoicesPerAccount + n) % PaymentsEvery == 0)
                {
                    var payment = new Payment
                    {
                        Id = $"pay-{invoice.Id}", AccountId = accountId, BankFileId = "bench", Amount = invoice.GrossTotal, BookingDate = invoice.DueDate,
                        Status = n % 7 == 0 ? PaymentStatus.Parked : PaymentStatus.Applied, Rule = n % 7 == 0 ? null : MatchRule.CreditorReference,
                        RecordedAt = new DateTimeOffset(invoice.DueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    };
                    Write(insert, parameters, Containers.Billing, accountId, payment.Id, Payment.DocumentType, BillingJson.Serialize(payment));
                }
            }
        }

        transaction.Commit();
        Console.WriteLine(FormattableString.Invariant($"// seeded {Accounts * InvoicesPerAccount} invoices in {watch.Elapsed.TotalSeconds:F0} s"));
    }

    private static void Write(SqliteCommand insert, SqliteParameter[] parameters, params string[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i];
        }

        insert.ExecuteNonQuery();
    }

    private static Invoice Invoice(string accountId, Currency currency, DateOnly issued, Random random, int n)
    {
        var net = new Money(random.Next(1_000, 50_000) / 100m, currency);
        var vat = new Money(Math.Round(net.Amount * 0.19m, 2), currency);
        var gross = net + vat;
        var paid = n < InvoicesPerAccount - 3 || random.Next(4) == 0;
        var party = new Party { LegalName = $"Customer {accountId}", Address = new Core.Accounts.PostalAddress { Street = "Main Street 1", City = "Berlin", PostalCode = "10115", CountryCode = "DE" } };
        var id = Core.Invoicing.Invoice.IdFor(accountId, issued);
        return new Invoice
        {
            Id = id, AccountId = accountId, BillingDate = issued, Status = paid ? InvoiceStatus.Paid : InvoiceStatus.Open,
            Number = $"INV-{issued.Year}-{accountId}-{n}", IssueDate = issued, DueDate = issued.AddDays(14), Currency = currency, Seller = party, Buyer = party,
            Lines =
            [
                new InvoiceLine
                {
                    Key = $"{id}-1", Kind = InvoiceLineKind.Recurring, Description = "Plan", Quantity = 1, UnitPrice = net, NetAmount = net,
                    VatCategory = VatCategory.Standard, VatRate = 19m, PlanId = $"plan-{n % 4}",
                },
            ],
            VatBreakdown = [],
            NetTotal = net, VatTotal = vat, GrossTotal = gross, AmountPaid = paid ? gross : new Money(0m, currency),
            Payments = paid ? [new InvoicePayment($"pay-{id}", gross, issued.AddDays(10))] : [],
            PayeeIban = "DE89370400440532013000",
        };
    }
}
