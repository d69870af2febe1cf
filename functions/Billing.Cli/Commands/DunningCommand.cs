using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Billing.Cli.Hosting;
using Billing.Cli.Output;
using Billing.Core.Accounts;
using Billing.Core.Dunning;
using Billing.Core.Serialization;
using Billing.Core.Storage;
using Billing.Local.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing dunning run [--at DATE] [--dry-run] [--json]</c>: the dunning run as of the date (what is sent, or would
/// be, and why each other invoice was passed over), then the queues drained and the notices sent listed; a run the
/// freshness guard blocks says why and sends nothing. <c>billing dunning list [--account ID] [--all] [--json]</c>: the
/// notices sent (with <c>--all</c> also the claimed, skipped and withdrawn ones).
/// </summary>
public static class DunningCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("dunning", "Chase overdue invoices: run the dunning ladder, list the notices sent") { Run(context), List(context) };
    }

    private static Command Run(CliContext context)
    {
        var at = DateOption.Create("--at", "The date to run dunning as of (default: today, UTC)", () => context.Today);
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would be sent: enqueue and send nothing (also with --backend azure)" };
        var json = new Option<bool>("--json") { Description = "Print the run report and the notices sent as JSON" };
        var command = new Command("run", "Send the dunning notices due as of a date (or, with --dry-run, show them)") { at, dryRun, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dry = parse.GetValue(dryRun);
            if (!dry)
            {
                context.RequireLocal(parse, "dunning run");
            }

            await using var services = context.BuildServices(parse);
            var report = await services.GetRequiredService<DunningScheduler>().ScheduleAsync(parse.GetValue(at), dry, cancellationToken);
            IReadOnlyList<DunningNoticeView> sent = [];
            var poisoned = 0;
            if (!dry)
            {
                var query = services.GetRequiredService<DunningNoticeQuery>();
                var before = (await query.ListAsync(cancellationToken: cancellationToken)).Select(n => n.NoticeId).ToHashSet(StringComparer.Ordinal);
                poisoned = (await services.GetRequiredService<LocalQueueRunner>().DrainAsync(cancellationToken)).Poisoned;
                sent = [.. (await query.ListAsync(cancellationToken: cancellationToken)).Where(n => !before.Contains(n.NoticeId))];
            }

            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(new { run = report, sent, poisoned }, BillingJson.Indented));
            }
            else
            {
                PrintRun(context.Console, report, sent);
            }

            if (poisoned > 0)
            {
                context.Console.Error.WriteLine($"billing: error: {poisoned} messages failed 5 times and were moved to the poison table of billing.db (see 'billing poison list')");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var account = new Option<string?>("--account") { Description = "Only the notices of this account" };
        var all = new Option<bool>("--all") { Description = "Also the notices not sent: claimed, skipped (passed over) and withdrawn" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var command = new Command("list", "List the dunning notices sent, oldest first") { account, all, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.BuildServices(parse, access: DataFolderAccess.Read);
            var accountId = parse.GetValue(account);
            if (accountId is not null && await services.GetRequiredService<IDocumentStore>().ReadAsync<Account>(accountId, accountId, cancellationToken) is null)
            {
                throw new CliUsageException($"no account has the id '{accountId}'");
            }

            var includeUnsent = parse.GetValue(all);
            var notices = await services.GetRequiredService<DunningNoticeQuery>().ListAsync(accountId, includeUnsent, cancellationToken);
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(notices, BillingJson.Indented));
                return ExitCodes.Success;
            }

            PrintNotices(context.Console, notices, includeUnsent ? "Dunning notices" : "Dunning notices sent", withStatus: includeUnsent);
            context.Console.WriteLine(includeUnsent ? $"{notices.Count} notices" : $"{notices.Count} notices sent");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void PrintRun(CliConsole console, DunningRunReport report, IReadOnlyList<DunningNoticeView> sent)
    {
        console.WriteLine($"Dunning run as of {report.RunDate:yyyy-MM-dd}{(report.DryRun ? " (dry run: nothing is enqueued or sent)" : "")}");
        if (report.BlockedReason is { } reason)
        {
            console.WriteLine($"Blocked, nothing is sent: {reason}");
        }

        if (report.Notices.Count > 0)
        {
            console.WriteTable(
                ["Invoice", "Account", "Stage", "Template", "Action", "Amount due", "Days overdue", "Passed over"],
                report.Notices.Select(n => (IReadOnlyList<string>)
                [
                    n.InvoiceNumber, n.AccountId, Number(n.Stage), n.Template, Words(n.Action.ToString()), n.AmountDue.ToString(), Number(n.DaysOverdue),
                    n.SkippedStages.Count == 0 ? "-" : string.Join(", ", n.SkippedStages.Select(Number)),
                ]),
                report.DryRun ? "Notices that would be sent" : "Notices due");
        }

        if (report.Skipped.Count > 0)
        {
            console.WriteTable(
                ["Invoice", "Account", "Reason", "Stage", "Detail"],
                report.Skipped.Select(s => (IReadOnlyList<string>)
                    [s.InvoiceNumber ?? s.InvoiceId, s.AccountId, Words(s.Reason.ToString()), s.Stage is { } stage ? Number(stage) : "-", Detail(s, report)]),
                "Invoices skipped");
        }

        console.WriteLine($"{report.Notices.Count} notices due, {report.Skipped.Count} invoices skipped, {report.MessagesEnqueued} messages enqueued");
        if (report.DryRun)
        {
            return;
        }

        if (sent.Count == 0)
        {
            console.WriteLine("No notice was sent.");
            return;
        }

        PrintNotices(console, sent, "Notices sent");
        console.WriteLine($"Sent {sent.Count} notices.");
    }

    /// <summary>The notices as a table; the status column only when some may not have been sent.</summary>
    private static void PrintNotices(CliConsole console, IReadOnlyList<DunningNoticeView> notices, string title, bool withStatus = false)
    {
        IReadOnlyList<string> Row(DunningNoticeView n)
        {
            var sentAt = n.SentAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
            return withStatus
                ? [n.InvoiceNumber, n.AccountId, Number(n.Stage), n.Template, Words(n.Status.ToString()), sentAt, n.MessageId ?? "-"]
                : [n.InvoiceNumber, n.AccountId, Number(n.Stage), n.Template, sentAt, n.MessageId ?? "-"];
        }

        console.WriteTable(
            withStatus ? ["Invoice", "Account", "Stage", "Template", "Status", "Sent at", "Message id"] : ["Invoice", "Account", "Stage", "Template", "Sent at", "Message id"],
            notices.Select(Row),
            title);
    }

    /// <summary>The skip's detail, except the blocking reason, which is printed once above the tables.</summary>
    private static string Detail(DunningRunSkip skip, DunningRunReport report) =>
        skip.Reason == DunningSkipReason.FreshnessGuard && skip.Detail == report.BlockedReason ? "" : skip.Detail ?? "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An enum member as lower-case words: <c>NotYetDue</c> → "not yet due".</summary>
    private static string Words(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name).Replace('_', ' ');
}
