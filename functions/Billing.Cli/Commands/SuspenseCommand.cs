using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Billing.Core.Payments;
using Billing.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing suspense list [--json]</c>: the parked payments, oldest first, each with its ranked suggestions.
/// <c>billing suspense resolve FILE [--json]</c>: applies a decisions CSV (<c>payment_id,decision,target,note</c>) as the
/// <c>ApplySuspenseDecisions</c> trigger does and reports every line; exit 0 when every line applied or was already
/// resolved, 2 when any line was rejected (each printed with its line number and reason on stderr).
/// </summary>
public static class SuspenseCommand
{
    /// <summary>How many suggestions the table shows per payment (the JSON has them all).</summary>
    private const int SuggestionsShown = 3;

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
            await using var services = context.BuildServices(parse);
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

            foreach (var rejected in report.Lines.Where(l => l.Status == DecisionStatus.Rejected))
            {
                context.Console.Error.WriteLine($"billing: error: {report.FileName} line {rejected.Line.ToString(CultureInfo.InvariantCulture)}: {rejected.Message}");
            }

            return report.Rejected > 0 ? ExitCodes.Usage : ExitCodes.Success;
        });
        return command;
    }

    private static string Suggestions(IReadOnlyList<MatchSuggestion> suggestions) =>
        suggestions.Count == 0
            ? "-"
            : string.Join("; ", suggestions.Take(SuggestionsShown).Select(s =>
                $"{s.AccountId} {(s.InvoiceNumbers.Count == 0 ? "" : string.Join(' ', s.InvoiceNumbers) + " ")}({s.Score.ToString("0.00", CultureInfo.InvariantCulture)}: {s.Why})"));
}
