using System.Diagnostics;
using Billing.Cli.Hosting;
using Billing.Cli.Output;
using Billing.Core.Accounts;
using Billing.Core.Documents;
using Billing.Core.Invoicing;
using Billing.Core.Reporting;
using Billing.Core.Storage;
using Billing.Documents;
using Billing.Local;
using Billing.Local.Configuration;
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
/// email), on a simulated clock, and ends by publishing the reports as of the last day. Dunning is left out: it
/// needs bank files. Everything is idempotent, so running it again over the same folder changes nothing and says so.
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

        await SimulateAsync(services, clock, options, timings, cancellationToken);
        timings.Rendering = services.GetRequiredService<TimedInvoiceRenderer>().Elapsed;
        started = Stopwatch.GetTimestamp();
        var publication = await services.GetRequiredService<ReportPublisher>().PublishAsync(options.Days().Last(), cancellationToken);
        timings.Reports = Stopwatch.GetElapsedTime(started);
        Say($"Published {publication.Reports.Count} reports as of {publication.AsOf:yyyy-MM-dd}.");
        var after = await DemoSnapshot.TakeAsync(store, data);
        timings.Total = total.Elapsed;
        var containers = services.GetRequiredService<IOptions<BlobContainerOptions>>().Value;
        var reportsIndex = publication.IndexPath is { } index ? data.BlobFile(publication.Container, index) : null;
        return new DemoReport(data, options, sellerWritten, before, after, timings, containers.Invoices, reportsIndex);
    }

    private async Task SimulateAsync(ServiceProvider services, SimulatedClock clock, DemoOptions options, DemoTimings timings, CancellationToken cancellationToken)
    {
        var run = services.GetRequiredService<LocalScheduledRun>();
        var queues = services.GetRequiredService<IOptions<QueueOptions>>().Value;
        var days = options.Days().ToList();

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
