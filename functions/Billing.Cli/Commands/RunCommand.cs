using System.CommandLine;
using System.Globalization;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Billing.Local.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing run [--at DATE]</c>: one pass of every scheduled job as of the date, each followed by draining the
/// queues (billing: bill and email the accounts due; dunning: send the notices due; reports: publish the
/// snapshots), then a summary. A dunning run the freshness guard blocks is reported with its reason, not as a
/// failure. Safe to repeat: a second run creates nothing.
/// <para>
/// A date typo must not run the future: a date more than <see cref="MaxDaysAhead"/> days after today (one billing
/// period, the longest month) is refused unless <c>--allow-future</c> confirms it, and a run that would issue more than
/// <see cref="MaxInvoicesPerAccount"/> invoices for one account (a start date long ago, a date far ahead) is refused
/// unless <c>--allow-catch-up</c> confirms it; either refusal says roughly what the run would issue (<see cref="RunForecast"/>).
/// </para>
/// </summary>
public static class RunCommand
{
    /// <summary>How far after today <c>--at</c> may be without <c>--allow-future</c>.</summary>
    public const int MaxDaysAhead = 31;

    /// <summary>How many invoices one account may get in one run without <c>--allow-catch-up</c>.</summary>
    public const int MaxInvoicesPerAccount = 24;

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var at = DateOption.Create("--at", "The date to run the jobs as of (default: today, UTC)", () => context.Today);
        var allowFuture = new Option<bool>("--allow-future") { Description = $"Confirm an --at more than {MaxDaysAhead} days after today (invoices dated then are issued and emailed now)" };
        var allowCatchUp = new Option<bool>("--allow-catch-up") { Description = $"Confirm a run that issues more than {MaxInvoicesPerAccount} invoices for one account" };
        var command = new Command("run", "Run every scheduled job once as of a date: billing (bill + email), dunning (notices), reports") { at, allowFuture, allowCatchUp };
        command.SetAction(async (parse, cancellationToken) =>
        {
            context.RequireLocal(parse, "run");
            await using var services = context.BuildServices(parse);
            await RefuseSurprisesAsync(context, services, parse.GetValue(at), parse.GetValue(allowFuture), parse.GetValue(allowCatchUp), cancellationToken);
            var result = await services.GetRequiredService<LocalScheduledRun>().RunAsync(parse.GetValue(at), cancellationToken);
            Print(context, result);
            PrintHidden(context, services.GetRequiredService<Local.Messaging.InProcessWorkQueue>().Hidden());
            return result.Drained.Poisoned > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Says what this run could not finish: messages held by a worker that stopped (a killed run: their lease runs out on its
    /// own) or deferred (an email another worker claimed), so nothing is left undone without a word.
    /// </summary>
    private static void PrintHidden(CliContext context, IReadOnlyList<(string Queue, long Count, DateTimeOffset VisibleBy)> hidden)
    {
        foreach (var (queue, count, visibleBy) in hidden)
        {
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  queue {queue}: {count} messages not handled yet (held by a stopped run or deferred); all back by {visibleBy.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: run `billing run` again after that"));
        }
    }

    /// <summary>Throws a usage error, saying what the run would issue, when the date is far ahead or the catch-up large and not confirmed.</summary>
    private static async Task RefuseSurprisesAsync(CliContext context, IServiceProvider services, DateOnly at, bool allowFuture, bool allowCatchUp, CancellationToken cancellationToken)
    {
        var daysAhead = at.DayNumber - context.Today.DayNumber;
        var future = daysAhead > MaxDaysAhead && !allowFuture;
        if (!future && allowCatchUp)
        {
            return;
        }

        var forecast = await RunForecast.ComputeAsync(services.GetRequiredService<IDocumentStore>(), at, cancellationToken);
        // Read without validating the seller settings: the refusal comes first, whatever else is missing.
        var prefix = services.GetRequiredService<IConfiguration>()[$"{SellerOptions.Section}:{nameof(SellerOptions.InvoiceSeriesPrefix)}"];
        var series = $"{(string.IsNullOrWhiteSpace(prefix) ? "INV" : prefix)}-{at.Year}";
        if (future)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--at {at:yyyy-MM-dd} is {daysAhead:N0} days after today ({context.Today:yyyy-MM-dd}): the run would issue about {forecast.Invoices:N0} invoices "
                + $"for {forecast.Accounts:N0} accounts, numbered in series {series}, and email them; more than {MaxDaysAhead} days ahead needs --allow-future"));
        }

        if (forecast.LargestAccountInvoices > MaxInvoicesPerAccount)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"the run as of {at:yyyy-MM-dd} would issue about {forecast.LargestAccountInvoices:N0} invoices for account '{forecast.LargestAccount}' alone "
                + $"({forecast.Invoices:N0} for {forecast.Accounts:N0} accounts, dated {forecast.FirstDay:yyyy-MM-dd} to {forecast.LastDay:yyyy-MM-dd}, series {series}); "
                + $"more than {MaxInvoicesPerAccount} for one account needs --allow-catch-up (check the subscriptions' start dates first)"));
        }
    }

    private static void Print(CliContext context, ScheduledRunResult result)
    {
        var console = context.Console;
        console.WriteLine($"Run as of {result.AsOf:yyyy-MM-dd}");
        foreach (var (job, outcome) in result.Jobs)
        {
            // A job that enqueued nothing but has something to say (dunning blocked, reports written) says just that.
            if (outcome is { Enqueued: 0, Note: { } only })
            {
                console.WriteLine($"  {job}: {only}");
                continue;
            }

            console.WriteLine($"  {job}: {outcome.Enqueued} work items scheduled");
            if (outcome.Note is { } note)
            {
                console.WriteLine($"    {note}");
            }
        }

        foreach (var (queue, counts) in result.Drained.Queues.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  queue {queue}: {counts.Handled} handled, {counts.FailedAttempts} failed attempts, {counts.Poisoned} poisoned ({counts.Elapsed.TotalSeconds:F1}s)"));
        }

        if (result.Drained.Poisoned > 0)
        {
            console.Error.WriteLine($"billing: error: {result.Drained.Poisoned} messages failed 5 times and were moved to the poison table of billing.db");
        }
    }
}
