using BenchmarkDotNet.Attributes;
using Billing.Core.Invoicing;
using Billing.Core.Matching;

namespace Billing.Benchmarks.Payments;

/// <summary>
/// Matching cost per entry against 1,000,000 open invoices (target ≤ 2 µs), I/O excluded: the index is built once
/// (as an ingestion would, from a stream of invoices) and each iteration matches a fresh batch of entries that
/// mixes every rule and parked payments. The open amounts are reset between iterations.
/// </summary>
[MemoryDiagnoser]
public class PaymentMatcherBenchmarks
{
    public const int Invoices = 1_000_000;
    /// <summary>Entries per iteration: enough for an iteration of ~100 ms (BenchmarkDotNet's minimum), as one invocation per iteration.</summary>
    public const int Entries = 50_000;
    private OpenInvoiceIndex _index = null!;
    private List<OpenInvoice> _all = null!;
    private IncomingPayment[] _payments = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_index, _all) = BuildIndex(Invoices);
        _payments = Payments(Entries, Invoices);
    }

    [IterationSetup]
    public void Reset()
    {
        foreach (var invoice in _all)
        {
            invoice.OpenMinor = 11_900;
        }
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public int MatchEntries()
    {
        var matcher = new PaymentMatcher(_index);
        var matched = 0;
        foreach (var payment in _payments)
        {
            matched += matcher.Match(payment) is MatchResult.Matched ? 1 : 0;
        }

        return matched;
    }

    public static (OpenInvoiceIndex, List<OpenInvoice>) BuildIndex(int invoices)
    {
        var index = new OpenInvoiceIndex();
        var all = new List<OpenInvoice>(invoices);
        for (var i = 1; i <= invoices; i++)
        {
            var number = InvoiceNumberSequence.Format("INV-2026", i);
            var invoice = new OpenInvoice($"inv-{i}", $"acct-{i % 200_000}", number, "EUR", new DateOnly(2026, 1, 1).AddDays(i % 300), 11_900);
            index.AddOpen(invoice, InvoiceNumberKey.Of(number)!, CreditorReference.Body(CreditorReference.Create(number)));
            all.Add(invoice);
        }

        for (var a = 0; a < 200_000; a++)
        {
            index.AddAccount(new Core.Accounts.Account
            {
                Id = $"acct-{a}", LegalName = $"Customer {a} Trading GmbH", BillingEmails = ["x@example.com"], Currency = Core.Monetary.Currency.EUR,
                Address = new Core.Accounts.PostalAddress { Street = "s", City = "c", PostalCode = "1", CountryCode = "DE" },
                KnownPayerIbans = [$"DE00TEST{a:D10}"],
            });
        }

        return (index, all);
    }

    public static IncomingPayment[] Payments(int count, int invoices)
    {
        var random = new Random(42);
        return Enumerable.Range(0, count).Select(i =>
        {
            var n = random.Next(1, invoices + 1);
            var number = InvoiceNumberSequence.Format("INV-2026", n);
            return (i % 5) switch
            {
                0 => Payment(i, 11_900, null, CreditorReference.Create(number), null, null, null),
                1 => Payment(i, 11_900, $"Invoice {number.ToLowerInvariant().Replace('-', ' ')} thanks", null, null, null, null),
                2 => Payment(i, 11_900, "SEPA transfer", null, CreditorReference.Create(number), null, null),
                3 => Payment(i, 11_900, "monthly", null, null, $"DE00TEST{n % 200_000:D10}", $"Customer {n % 200_000} Trading"),
                _ => Payment(i, 4_321, "no reference at all 12345", null, null, null, $"Someone {i}"),
            };
        }).ToArray();
    }

    private static IncomingPayment Payment(int i, long minor, string? text, string? rf, string? e2e, string? iban, string? name) => new()
    {
        PaymentId = $"pay-{i}", AmountMinor = minor, CurrencyCode = "EUR", BookingDate = new DateOnly(2026, 2, 1),
        RemittanceInfo = text, CreditorReference = rf, EndToEndId = e2e, PayerIban = iban, PayerName = name,
    };
}
