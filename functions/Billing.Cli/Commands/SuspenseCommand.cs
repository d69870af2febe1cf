using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Billing.Cli.Hosting;
using Billing.Core.Matching;
using Billing.Core.Serialization;
using Billing.Core.Suspense;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing suspense list [--json]</c>: the parked payments, oldest first, each with its ranked suggestions.
/// <c>billing suspense resolve FILE [--json]</c>: applies a decisions CSV (<c>payment_id,decision,target,note</c>) as the
/// <c>ApplySuspenseDecisions</c> trigger does and reports every line; exit 0 when every line applied or was already
/// resolved, 2 when any line was rejected (one <c>billing: error:</c> line on stderr: how many, and the first ones with their line
/// numbers and reasons; every line is in the table or the JSON).
/// </summary>
public static class SuspenseCommand
{
    /// <summary>How many suggestions the table shows per payment (the JSON has them all).</summary>
    private const int SuggestionsShown = 3;

    /// <summary>How many rejected lines the error line names.</summary>
    private const int RejectionsNamed = 3;

    /// <summary>The largest decisions file read (about 40,000 decisions): a bigger one is refused before it is read.</summary>
    private const long MaxDecisionsFileBytes = 4 * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("suspense", "Review parked payments and apply decisions on them") { List(context), Resolve(context) };
    }

    private static Command List(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of the parked payments (with every suggestion)" };
        var command = new Command("list", "List the parked payments with their ranked suggestions") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.BuildServices(parse, access: DataFolderAccess.Read);
            var parked = await services.GetRequiredService<SuspenseQueries>().ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(parked, BillingJson.Indented));
                return ExitCodes.Success;
            }

            context.Console.WriteTable(
                ["Payment", "Date", "Amount", "Payer", "Text", "Reason", "Suggestions"],
                parked.Select(p => (IReadOnlyList<string>)
                [
                    p.Id, p.BookingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Amount.ToString(), p.PayerName ?? "-",
                    p.RemittanceInfo ?? p.CreditorReference ?? "-", p.ParkReason ?? "-", Suggestions(p.Suggestions),
                ]),
                "Parked payments");
            context.Console.WriteLine($"{parked.Count} parked payments; decide with 'billing suspense resolve FILE' (CSV header payment_id,decision,target,note)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Resolve(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The decisions CSV: payment_id,decision,target,note (decision: invoice, account or refund)" };
        var json = new Option<bool>("--json") { Description = "Print the per-line report as JSON" };
        var command = new Command("resolve", "Apply a decisions CSV to parked payments") { file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"file '{path}' does not exist");
            }

            if (new FileInfo(path).Length > MaxDecisionsFileBytes)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(path)}: the file is {new FileInfo(path).Length:N0} bytes; a decisions file is at most {MaxDecisionsFileBytes:N0} bytes ({MaxDecisionsFileBytes / (1024 * 1024)} MiB): split it into several files"));
            }

            await using var services = context.BuildServices(parse);
            SuspenseResolutionReport report;
            await using (var content = File.OpenRead(path))
            {
                report = await services.GetRequiredService<SuspenseResolution>().ApplyAsync(Path.GetFileName(path), content, cancellationToken);
            }

            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(report, BillingJson.Indented));
            }
            else
            {
                context.Console.WriteTable(
                    ["Line", "Payment", "Status", "Detail"],
                    report.Lines.Select(l => (IReadOnlyList<string>)[l.Line.ToString(CultureInfo.InvariantCulture), l.PaymentId ?? "-", l.Status.ToString(), l.Message]),
                    $"Decisions in {report.FileName}");
                context.Console.WriteLine($"{report.Applied} applied, {report.Lines.Count(l => l.Status == DecisionStatus.AlreadyResolved)} already resolved, {report.Rejected} rejected");
            }

            if (report.Rejected > 0)
            {
                context.Console.Error.WriteLine(RejectedLine(report));
            }

            return report.Rejected > 0 ? ExitCodes.Usage : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The one <c>billing: error:</c> line of a file with rejected lines: how many, and the first
    /// <see cref="RejectionsNamed"/> with their line numbers and reasons (the table or <c>--json</c> has them all).
    /// </summary>
    private static string RejectedLine(SuspenseResolutionReport report)
    {
        var rejected = report.Lines.Where(l => l.Status == DecisionStatus.Rejected).ToList();
        var named = string.Join("; ", rejected.Take(RejectionsNamed).Select(l => $"line {l.Line.ToString(CultureInfo.InvariantCulture)}: {l.Message.TrimEnd('.')}"));
        var more = rejected.Count > RejectionsNamed ? $"; and {rejected.Count - RejectionsNamed} more (every line is in the table above, or use --json)" : "";
        return $"billing: error: {report.FileName}: {rejected.Count} of {report.Lines.Count} lines rejected, nothing applied from them: {named}{more}".ReplaceLineEndings(" ");
    }

    private static string Suggestions(IReadOnlyList<MatchSuggestion> suggestions) =>
        suggestions.Count == 0
            ? "-"
            : string.Join("; ", suggestions.Take(SuggestionsShown).Select(s =>
                $"{s.AccountId} {(s.InvoiceNumbers.Count == 0 ? "" : string.Join(' ', s.InvoiceNumbers) + " ")}({s.Score.ToString("0.00", CultureInfo.InvariantCulture)}: {s.Why})"));
}
