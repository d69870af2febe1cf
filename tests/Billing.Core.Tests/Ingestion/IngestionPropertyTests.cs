using Billing.Core.Payments;
using Billing.Testing;

namespace Billing.Core.Tests.Ingestion;

/// <summary>
/// For any sequence of ingestions — new files, the same file again, statements that overlap earlier ones, dry runs —
/// the money on invoices plus the money parked plus the credit balances equals the distinct credits ingested, to the cent.
/// </summary>
public sealed class IngestionPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task AnySequenceOfIngestions_ConservesMoney(int seed)
    {
        var random = new Random(seed);
        using var s = await PaymentScenario.StartAsync(months: 3);
        var numbers = (await s.World.InvoicesAsync()).Select(i => i.Number!).ToList();
        var distinct = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var files = new List<(byte[] Bytes, bool Mt940)>();
        var previous = new List<TestEntry>();
        for (var step = 0; step < 12; step++)
        {
            var choice = random.Next(4);
            if (choice == 0 && files.Count > 0)
            {
                var (bytes, _) = files[random.Next(files.Count)];
                await s.IngestAsync(new MemoryStream(bytes), $"again-{step}.xml");
                continue;
            }

            var entries = new List<TestEntry>();
            if (choice == 1 && previous.Count > 0)
            {
                entries.AddRange(previous.Where(_ => random.Next(2) == 0));
            }

            for (var n = random.Next(1, 6); n > 0; n--)
            {
                var amount = Math.Round((decimal)random.Next(1, 40000) / 100m, 2);
                var text = random.Next(3) switch
                {
                    0 => numbers[random.Next(numbers.Count)],
                    1 => $"{numbers[random.Next(numbers.Count)]} {numbers[random.Next(numbers.Count)]}",
                    _ => "no idea",
                };
                entries.Add(new TestEntry(amount, $"S{seed}-{step}-{n}") { Text = text, PayerIban = random.Next(4) == 0 ? PaymentScenario.AcmeIban : null });
            }

            foreach (var e in entries)
            {
                distinct[e.Reference] = e.Amount;
            }

            previous = entries;
            var mt940 = random.Next(2) == 0;
            var file = (mt940 ? TestBankFiles.Mt940(entries, interim: true) : TestBankFiles.Camt053(entries, statementId: $"S{step}")).ToArray();
            files.Add((file, mt940));
            if (random.Next(5) == 0)
            {
                await s.IngestAsync(new MemoryStream(file), $"dry-{step}", dryRun: true);
            }

            await s.IngestAsync(new MemoryStream(file), $"file-{step}");
        }

        var onInvoices = (await s.World.InvoicesAsync()).SelectMany(i => i.Payments).Sum(p => p.Amount.Amount);
        var payments = await s.PaymentsAsync();
        var parked = payments.Where(p => p.Status == PaymentStatus.Parked).Sum(p => p.Amount.Amount);
        var credit = ((await s.CreditAsync("acme"))?.Balance.Amount ?? 0m) + ((await s.CreditAsync("globex"))?.Balance.Amount ?? 0m);
        Assert.Equal(distinct.Values.Sum(), onInvoices + parked + credit);
        Assert.Equal(distinct.Count, payments.Count);
    }
}
