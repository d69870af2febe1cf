using System.CommandLine;
using System.Globalization;
using Billing.Local.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing run [--at DATE]</c>: one pass of every scheduled job as of the date, each followed by draining the
/// queues (billing: bill and email the accounts due; dunning: send the notices due; reports: publish the
/// snapshots), then a summary. A dunning run the freshness guard blocks is reported with its reason, not as a
/// failure. Safe to repeat: a second run creates nothing.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var at = DateOption.Create("--at", "The date to run the jobs as of (default: today, UTC)", () => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var command = new Command("run", "Run every scheduled job once as of a date: billing (bill + email), dunning (notices), reports") { at };
        command.SetAction(async (parse, cancellationToken) =>
        {
            context.RequireLocal(parse, "run");
            await using var services = context.BuildServices(parse);
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
