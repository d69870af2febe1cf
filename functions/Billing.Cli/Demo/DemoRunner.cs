using System.Diagnostics;
using Billing.Cli.Hosting;
using Billing.Cli.Output;
using Billing.Core.Accounts;
using Billing.Core.Documents;
using Billing.Core.Dunning;
using Billing.Core.Ingestion;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Invoicing;
using Billing.Core.Reporting;
using Billing.Core.Storage;
using Billing.Documents;
using Billing.Local;
using Billing.Local.Configuration;
using Billing.Local.Messaging;
using Billing.Local.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spectre.Console;
using QueueOptions = Billing.Core.Messaging.QueueOptions;

namespace Billing.Cli.Demo;

/// <summary>
/// Runs the demo: writes the fictitious seller (unless the data folder has one), imports the generated
/// accounts, then lives through every day of the period as the Functions app would (schedule, bill, render,
/// email), on a simulated clock; unless bill-only, the demo's bank (<see cref="DemoBank"/>) writes the statement files
/// that arrive each day, they are ingested as <c>billing ingest</c> does, and the dunning job runs. The reports are published
/// as the <c>SnapshotReports</c> timer would (<see cref="DemoReportSchedule"/>): on each day a period closes and on the last
/// day, which closes its month (and quarter, year) when it ends one. Everything is idempotent, so running it again over the
/// same folder changes nothing and says so.
/// </summary>
public sealed class DemoRunner(CliConsole console)
{
    public async Task<DemoReport> RunAsync(CliHostOptions host, DemoOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var total = Stopwatch.StartNew();
        var data = new LocalDataDirectory(host.DataDirectory);
        var sellerWritten = !LocalSettings.HasSeller(data);
        if (sellerWritten)
        {
            LocalSettings.WriteSeller(data, DemoSeller.Create());
        }

        var clock = new SimulatedClock(options.Start);
        await using var services = CliHost.Build(host, clock, TimeRendering);
        var store = services.GetRequiredService<IDocumentStore>();
        var before = await DemoSnapshot.TakeAsync(store, data);
        var timings = new DemoTimings();

        var started = Stopwatch.GetTimestamp();
        var file = DemoAccountGenerator.Generate(options.Accounts, options.Seed, options.Start);
        await services.GetRequiredService<AccountImporter>().ImportAsync(file, cancellationToken);
        timings.Import = Stopwatch.GetElapsedTime(started);
        Say($"Imported {file.Accounts.Count} accounts and {file.Plans.Count} plans (seed {options.Seed}).");

        var bank = options.BillOnly ? null : new DemoBank(data.Root, file, options);
        var reconciliation = bank is null ? null : new DemoReconciliation { StatementsFolder = bank.Directory, AfterFirstNoticeAccount = bank.AfterFirstNoticeAccount };
        bank?.Add(before.Invoices);
        var containers = services.GetRequiredService<IOptions<BlobContainerOptions>>().Value;
        var reports = new DemoReportSchedule(
            services.GetRequiredService<ReportPublisher>(), services.GetRequiredService<IBlobStore>(), containers.Reports,
            services.GetRequiredService<IOptions<ReportOptions>>().Value.PeriodCloseDelayDays, options.Start);
        await SimulateAsync(services, clock, options, timings, new DemoDay(bank, reconciliation, before.Invoices, reports), cancellationToken);
        timings.Rendering = services.GetRequiredService<TimedInvoiceRenderer>().Elapsed;
        timings.Reports = reports.Elapsed;
        Say(reports.Summary());
        var after = await DemoSnapshot.TakeAsync(store, data);
        if (reconciliation is not null)
        {
            await SummariseAsync(services, reconciliation, after, cancellationToken);
        }

        timings.Total = total.Elapsed;
        var reportsIndex = reports.LastIndexPath is { } index ? data.BlobFile(containers.Reports, index) : null;
        return new DemoReport(data, options, sellerWritten, before, after, timings, containers.Invoices, reportsIndex)
        {
            Reconciliation = reconciliation,
            BankFilesContainer = containers.BankFiles,
            PeriodCloses = reports.Closes,
        };
    }

    private async Task SimulateAsync(ServiceProvider services, SimulatedClock clock, DemoOptions options, DemoTimings timings, DemoDay state, CancellationToken cancellationToken)
    {
        var run = services.GetRequiredService<LocalScheduledRun>();
        var queues = services.GetRequiredService<IOptions<QueueOptions>>().Value;
        var days = options.Days().ToList();

        // Accounts are billed one at a time, in the order the scheduler enqueued them (account id), so invoices of
        // one day get their numbers in the same order every run; sending (rendering, email) stays parallel.
        services.GetRequiredService<LocalQueueRunner>().QueueConcurrency[queues.BillAccount] = 1;

        async Task RunDayAsync(DateOnly day)
        {
            clock.SetDay(day);
            var result = await run.RunAsync(day, [BillingScheduleJob.JobName], cancellationToken);
            timings.Scheduling += result.Scheduling;
            timings.Billing += result.Drained[queues.BillAccount].Elapsed;
            timings.Sending += result.Drained[queues.SendInvoice].Elapsed;
            if (result.Drained.Poisoned > 0)
            {
                console.Error.WriteLine($"billing: warning: {result.Drained.Poisoned} messages of {day:yyyy-MM-dd} failed 5 times and were moved to the poison table");
            }

            if (state.Bank is { } bank && state.Reconciliation is { } reconciliation)
            {
                await BankDayAsync(services, run, day, bank, reconciliation, state, timings, cancellationToken);
            }

            await state.Reports.RunAsync(day, day == days[^1], cancellationToken);
        }

        if (console.IsInteractive)
        {
            await console.Ansi.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Billing {days[0]:yyyy-MM-dd} … {days[^1]:yyyy-MM-dd}", maxValue: days.Count);
                foreach (var day in days)
                {
                    await RunDayAsync(day);
                    task.Increment(1);
                }
            });
            return;
        }

        foreach (var day in days)
        {
            await RunDayAsync(day);
            if (day.AddDays(1).Day == 1 || day == days[^1])
            {
                Say($"Simulated up to {day:yyyy-MM-dd}.");
            }
        }
    }

    /// <summary>
    /// The bank's side of a day: the statement files that arrive are written and ingested (the first MT940 is
    /// uploaded twice, the second time refused as a duplicate), then the dunning job runs on what is still open.
    /// </summary>
    private static async Task BankDayAsync(
        ServiceProvider services, LocalScheduledRun run, DateOnly day, DemoBank bank, DemoReconciliation reconciliation, DemoDay state, DemoTimings timings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rendered = services.GetRequiredService<TimedInvoiceRenderer>().TakeRendered();
        state.Remember(rendered);
        bank.Add(rendered);
        var files = bank.WriteFilesFor(day);
        reconciliation.FilesWritten += files.Count;
        timings.BankFiles += Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        var ingestion = services.GetRequiredService<BankFileIngestion>();
        foreach (var path in files)
        {
            var uploads = !state.DuplicateUploaded && Path.GetFileName(path).StartsWith("mt940-", StringComparison.Ordinal) ? 2 : 1;
            state.DuplicateUploaded |= uploads == 2;
            for (var upload = 0; upload < uploads; upload++)
            {
                await using var content = File.OpenRead(path);
                reconciliation.Add(await ingestion.IngestAsync(Path.GetFileName(path), content, dryRun: false, cancellationToken));
            }
        }

        timings.Ingestion += Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        var dunning = await run.RunAsync(day, [DunningScheduleJob.JobName], cancellationToken);
        if (dunning.Jobs.TryGetValue(DunningScheduleJob.JobName, out var job) && job.Note is { } note && note.StartsWith("blocked", StringComparison.Ordinal))
        {
            reconciliation.DunningDaysBlocked++;
            reconciliation.DunningBlockedReason ??= note;
        }

        if (bank.AfterFirstNoticeAccount is { } account)
        {
            var notices = await services.GetRequiredService<DunningNoticeQuery>().ListAsync(account, cancellationToken: cancellationToken);
            bank.NoticesSent(notices.Where(n => n.RunDate <= day), state.ByNumber);
        }

        timings.Dunning += Stopwatch.GetElapsedTime(started);
    }

    private static async Task SummariseAsync(ServiceProvider services, DemoReconciliation reconciliation, DemoSnapshot after, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var credits = new List<Money>();
        await foreach (var credit in store.QueryAllAsync<AccountCredit>(cancellationToken))
        {
            if (credit.Value.Balance.Amount > 0)
            {
                credits.Add(credit.Value.Balance);
            }
        }

        reconciliation.AccountsInCredit = credits.Count;
        reconciliation.CreditBalances = credits.GroupBy(c => c.Currency.Code).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Money.Sum(g, Currency.FromCode(g.Key))).ToList();
        var notices = await services.GetRequiredService<DunningNoticeQuery>().ListAsync(cancellationToken: cancellationToken);
        reconciliation.Notices = notices;
        var byInvoice = notices.ToLookup(n => n.InvoiceNumber, StringComparer.Ordinal);
        reconciliation.PaidAfterNotice = after.Invoices
            .Select(i => (Invoice: i, Notice: i is { Number: { } number, PaidDate: { } paid }
                ? byInvoice[number].Where(n => n.RunDate <= paid).OrderBy(n => n.Stage).LastOrDefault()
                : null))
            .Where(p => p.Notice is not null)
            .Select(p => (p.Invoice, p.Notice!))
            .OrderBy(p => p.Invoice.AccountId, StringComparer.Ordinal).ThenBy(p => p.Invoice.Number, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What the simulated days share: the bank, the running summary, the invoices by number, whether the duplicate was uploaded, the reports' schedule.</summary>
    private sealed class DemoDay(DemoBank? bank, DemoReconciliation? reconciliation, DemoReportSchedule reports)
    {
        public DemoDay(DemoBank? bank, DemoReconciliation? reconciliation, IEnumerable<Invoice> known, DemoReportSchedule reports)
            : this(bank, reconciliation, reports) => Remember(known);

        public DemoReportSchedule Reports { get; } = reports;

        public DemoBank? Bank { get; } = bank;

        public DemoReconciliation? Reconciliation { get; } = reconciliation;

        public Dictionary<string, Invoice> ByNumber { get; } = new(StringComparer.Ordinal);

        public bool DuplicateUploaded { get; set; }

        public void Remember(IEnumerable<Invoice> invoices)
        {
            foreach (var invoice in invoices)
            {
                if (invoice.IsIssued)
                {
                    ByNumber[invoice.Number] = invoice;
                }
            }
        }
    }

    /// <summary>Wraps the registered renderer so the demo can report rendering time.</summary>
    private static void TimeRendering(IServiceCollection services)
    {
        services.AddInvoiceDocuments();
        services.AddSingleton(sp => new TimedInvoiceRenderer(ActivatorUtilities.CreateInstance<InvoiceDocumentRenderer>(sp)));
        services.Replace(ServiceDescriptor.Singleton<IInvoiceDocumentRenderer>(sp => sp.GetRequiredService<TimedInvoiceRenderer>()));
    }

    private void Say(string line)
    {
        if (console.IsInteractive)
        {
            console.Ansi.MarkupLine(Markup.Escape(line));
        }
        else
        {
            console.WriteLine(line);
        }
    }

    internal static IReadOnlyList<Invoice> NewInvoices(DemoSnapshot before, DemoSnapshot after) =>
        after.Invoices.Where(i => !before.InvoiceIds.Contains(i.Id)).ToList();
}
