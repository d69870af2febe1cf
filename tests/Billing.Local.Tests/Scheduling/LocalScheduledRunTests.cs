using Billing.Core.Accounts;
using Billing.Core.Dunning;
using Billing.Core.Reporting;
using Billing.Local.Scheduling;
using Billing.Local.Tests.EndToEnd;
using Billing.Local.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Local.Tests.Scheduling;

public sealed class LocalScheduledRunTests : IDisposable
{
    private static readonly DateOnly s_newYear = new(2026, 1, 1);
    private static readonly Dictionary<string, string?> s_withoutBankFiles = new() { ["DUNNING_REQUIRE_BANK_FILE"] = "false" };

    private readonly TempDataDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));

    private async Task<ServiceProvider> ImportedAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var provider = LocalBillingHost.Build(_dir.Path, _time, settings);
        await provider.GetRequiredService<AccountImporter>().ImportAsync(SmallImportFile.Create());
        return provider;
    }

    private Task<ScheduledRunResult> RunAsync(ServiceProvider provider, DateOnly day, params string[] jobs)
    {
        _time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc)));
        var run = provider.GetRequiredService<LocalScheduledRun>();
        return jobs.Length == 0 ? run.RunAsync(day) : run.RunAsync(day, jobs);
    }

    [Fact]
    public async Task RunAsync_EmbeddedDefault_RunsBillingThenDunningThenReportsThenEvents()
    {
        await using var provider = await ImportedAsync();

        var result = await RunAsync(provider, s_newYear);

        Assert.Equal(["billing", "dunning", "reports", "events"], result.Jobs.Keys);
        Assert.Equal(result.Jobs["billing"].Enqueued, result.Drained["bill-account"].Handled);
        Assert.Equal(1, result.Drained["send-invoice"].Handled); // acc-1's first invoice
        Assert.Equal(0, result.Drained.Poisoned);
    }

    [Fact]
    public async Task RunAsync_PagesOfOne_EveryAccountIsBilledAndDunnedThroughThePageQueues_AsWithOnePage()
    {
        var paged = new Dictionary<string, string?>(s_withoutBankFiles) { ["BILLING_SCHEDULE_PAGE_SIZE"] = "1", ["DUNNING_SCHEDULE_PAGE_SIZE"] = "1" };
        await using var provider = await ImportedAsync(paged);
        await RunAsync(provider, s_newYear, BillingScheduleJob.JobName);
        var store = provider.GetRequiredService<Billing.Core.Storage.IDocumentStore>();
        var due = (await store.QueryAsync<Billing.Core.Issuing.AccountBillingState>(Billing.Core.Issuing.BillingScheduler.DueOn(new DateOnly(2026, 2, 20))).ToListAsync()).Count;

        var billing = await RunAsync(provider, new DateOnly(2026, 2, 20), BillingScheduleJob.JobName);
        var whole = await provider.GetRequiredService<DunningScheduler>().ScheduleAsync(new DateOnly(2026, 3, 10), dryRun: true);
        var dunning = await RunAsync(provider, new DateOnly(2026, 3, 10), DunningScheduleJob.JobName);

        // The timer enqueues the first due account, and each page message the next (the last page has nothing after it).
        Assert.True(due >= 2, $"{due} accounts due");
        Assert.Equal(1, billing.Jobs[BillingScheduleJob.JobName].Enqueued);
        Assert.Equal(due, billing.Drained["bill-account"].Handled);
        Assert.Equal(due - 1, billing.Drained["schedule-billing-page"].Handled);
        // The paged run sends what the whole run decides: one email per account with notices due.
        var dunnedAccounts = whole.Notices.Select(n => n.AccountId).Distinct().Count();
        Assert.True(dunnedAccounts >= 2, $"{dunnedAccounts} accounts to dun");
        Assert.Equal(dunnedAccounts, dunning.Drained["dunning-notice"].Handled);
        Assert.True(dunning.Drained["schedule-dunning-page"].Handled >= dunnedAccounts - 1);
        Assert.Equal(0, billing.Drained.Poisoned + dunning.Drained.Poisoned);
    }

    [Fact]
    public async Task RunAsync_NoBankFileIngested_DunningIsBlockedWithItsReason_AndTheRunGoesOn()
    {
        await using var provider = await ImportedAsync();
        await RunAsync(provider, s_newYear, BillingScheduleJob.JobName);

        var result = await RunAsync(provider, new DateOnly(2026, 2, 20));

        var dunning = result.Jobs[DunningScheduleJob.JobName];
        Assert.Equal(0, dunning.Enqueued);
        Assert.Contains("No bank file was ever ingested", dunning.Note, StringComparison.Ordinal);
        Assert.Equal(0, result.Drained["dunning-notice"].Handled);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "blobs", "reports", "2026-02-20", "index.html")));
    }

    [Fact]
    public async Task RunAsync_OverdueInvoiceAndNoBankFileRequired_SendsTheNoticeInTheSameRun()
    {
        await using var provider = await ImportedAsync(s_withoutBankFiles);
        await RunAsync(provider, s_newYear, BillingScheduleJob.JobName);

        var result = await RunAsync(provider, new DateOnly(2026, 2, 20));

        var dunning = result.Jobs[DunningScheduleJob.JobName];
        Assert.True(dunning.Enqueued >= 1, dunning.Note);
        Assert.Equal(dunning.Enqueued, result.Drained["dunning-notice"].Handled);
        var sent = await provider.GetRequiredService<DunningNoticeQuery>().ListAsync("acc-1");
        Assert.Contains(sent, n => n.InvoiceNumber == "INV-2026-000001" && n.RunDate == new DateOnly(2026, 2, 20));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir.Path, "outbox"), "dunning-*.eml"));
    }

    [Fact]
    public async Task RunAsync_Reports_IncludeTheDaysInvoices_SoASecondRunOfTheDatePublishesNoNewVersion()
    {
        await using var provider = await ImportedAsync();

        var first = await RunAsync(provider, s_newYear);
        var second = await RunAsync(provider, s_newYear);

        var note = first.Jobs[ReportsScheduleJob.JobName].Note;
        Assert.Contains(Path.Combine(_dir.Path, "blobs", "reports", "2026-01-01", "index.html"), note, StringComparison.Ordinal);
        Assert.Single(await provider.GetRequiredService<ReportSnapshotStore>().VersionsAsync(ReportNames.Revenue, s_newYear));
        Assert.Contains("(0 new or changed)", second.Jobs[ReportsScheduleJob.JobName].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NamedJobsOnly_RunsJustThose()
    {
        await using var provider = await ImportedAsync();

        var result = await RunAsync(provider, s_newYear, BillingScheduleJob.JobName);

        Assert.Equal([BillingScheduleJob.JobName], result.Jobs.Keys);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "blobs", "reports")));
    }

    [Fact]
    public async Task RunAsync_UnknownJobName_ThrowsNamingIt()
    {
        await using var provider = await ImportedAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(provider, s_newYear, "invoicing"));

        Assert.Contains("'invoicing'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
