using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Storage;
using Billing.Local.Messaging;
using Billing.Local.Scheduling;
using Billing.Local.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Local.Tests.EndToEnd;

public sealed class LocalBillingEndToEndTests : IDisposable
{
    private static readonly DateOnly s_start = new(2026, 1, 1);
    private static readonly DateOnly s_end = new(2026, 2, 28);
    private readonly TempDataDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));

    private static IEnumerable<DateOnly> Days()
    {
        for (var day = s_start; day <= s_end; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private async Task RunDayByDayAsync(ServiceProvider provider)
    {
        var run = provider.GetRequiredService<LocalScheduledRun>();
        foreach (var day in Days())
        {
            // A replay happens later in real time: the clock only moves forward, the billing date goes back.
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc));
            if (at > _time.GetUtcNow())
            {
                _time.SetUtcNow(at);
            }

            // Billing only: these tests count invoices, emails and events; dunning and reports have their own tests.
            var result = await run.RunAsync(day, [BillingScheduleJob.JobName]);
            Assert.Equal(0, result.Drained.Poisoned);
        }
    }

    private static async Task<List<Invoice>> InvoicesAsync(ServiceProvider provider)
    {
        var invoices = new List<Invoice>();
        await foreach (var invoice in provider.GetRequiredService<IDocumentStore>().QueryAllAsync<Invoice>())
        {
            invoices.Add(invoice.Value);
        }

        return invoices;
    }

    private string[] EmlFiles() => Directory.GetFiles(Path.Combine(_dir.Path, "outbox"), "*.eml");

    private static void AssertGapless(IEnumerable<Invoice> invoices)
    {
        var numbers = invoices.Select(i => i.Number).ToList();
        Assert.All(numbers, Assert.NotNull);
        var expected = Enumerable.Range(1, numbers.Count).Select(n => $"INV-2026-{n:D6}");
        Assert.Equal(expected, numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunDayByDay_TwoMonths_IssuesGaplessNumbersAndEmailsEachInvoiceOnce()
    {
        using var provider = LocalBillingHost.Build(_dir.Path, _time);
        await provider.GetRequiredService<AccountImporter>().ImportAsync(SmallImportFile.Create());

        await RunDayByDayAsync(provider);

        var invoices = await InvoicesAsync(provider);
        Assert.Equal(SmallImportFile.InvoicesOverJanuaryAndFebruary, invoices.Count);
        AssertGapless(invoices);
        Assert.All(invoices, i => Assert.Equal(InvoiceStatus.Open, i.Status));
        Assert.All(invoices, i => Assert.NotNull(i.EmailedAt));
        Assert.Equal(invoices.Select(i => $"invoice-{i.Id}.eml").Order(), EmlFiles().Select(Path.GetFileName).Order());
        Assert.All(invoices, i => Assert.True(File.Exists(Path.Combine(_dir.Path, "blobs", "invoices", i.PdfPath!))));
        Assert.Equal(invoices.Count, File.ReadAllLines(Path.Combine(_dir.Path, "events.jsonl")).Length);
    }

    [Fact]
    public async Task RunDayByDay_SecondRunOverTheSameDays_CreatesNothingNew()
    {
        using var provider = LocalBillingHost.Build(_dir.Path, _time);
        var importer = provider.GetRequiredService<AccountImporter>();
        await importer.ImportAsync(SmallImportFile.Create());
        await RunDayByDayAsync(provider);
        var before = (await InvoicesAsync(provider)).Select(i => (i.Id, i.Number, i.FinalizedAt, i.EmailedAt)).Order().ToList();
        var events = File.ReadAllText(Path.Combine(_dir.Path, "events.jsonl"));

        await importer.ImportAsync(SmallImportFile.Create());
        await RunDayByDayAsync(provider);

        var after = (await InvoicesAsync(provider)).Select(i => (i.Id, i.Number, i.FinalizedAt, i.EmailedAt)).Order().ToList();
        Assert.Equal(before, after);
        Assert.Equal(before.Count, EmlFiles().Length);
        Assert.Equal(events, File.ReadAllText(Path.Combine(_dir.Path, "events.jsonl")));
    }

    [Fact]
    public async Task RunDayByDay_TwoRunnersBillingTheSameAccountsConcurrently_NoDuplicateNumbersAndNoGaps()
    {
        using var first = LocalBillingHost.Build(_dir.Path, _time);
        using var second = LocalBillingHost.Build(_dir.Path, _time);
        await first.GetRequiredService<AccountImporter>().ImportAsync(SmallImportFile.Create(extraAccounts: 12));
        first.GetRequiredService<LocalQueueRunner>().MaxConcurrency = 3;
        second.GetRequiredService<LocalQueueRunner>().MaxConcurrency = 3;

        foreach (var day in Days())
        {
            _time.SetUtcNow(day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc));
            var runs = await Task.WhenAll(
                Task.Run(() => first.GetRequiredService<LocalScheduledRun>().RunAsync(day, [BillingScheduleJob.JobName])),
                Task.Run(() => second.GetRequiredService<LocalScheduledRun>().RunAsync(day, [BillingScheduleJob.JobName])));
            var queue = first.GetRequiredService<InProcessWorkQueue>();
            var poison = string.Join("; ", new[] { "bill-account", "send-invoice" }.SelectMany(queue.PoisonOf).Select(p => p.Error));
            Assert.True(runs.All(r => r.Drained.Poisoned == 0), poison);
        }

        var invoices = await InvoicesAsync(first);
        Assert.Equal(SmallImportFile.InvoicesOverJanuaryAndFebruary + (12 * 2), invoices.Count);
        AssertGapless(invoices);
        Assert.Equal(invoices.Count, EmlFiles().Length);
        Assert.Equal(invoices.Count, invoices.Select(i => i.Id).Distinct().Count());
    }

    public void Dispose() => _dir.Dispose();
}
