using System.CommandLine;
using System.Text.Json;
using Billing.Core.Ingestion;
using Billing.Cli.Hosting;
using Billing.Core.Serialization;
using Billing.Local;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing ingest FILE [--dry-run] [--json]</c>: ingests a bank statement file as the <c>IngestBankFile</c> trigger
/// does (same use case, <see cref="BankFileIngestion"/>): payments matched and applied, the rest parked, the file stored
/// under processed/, duplicates/ or quarantine/ in the bank-files container. Exit 0 when processed or a duplicate;
/// exit 2 with one line naming the position when the file is malformed (it is quarantined, nothing applied).
/// </summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("FILE") { Description = "The bank statement file (camt.053/054, MT940/942, BAI2, NACHA, CSV; detected from the content)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Match and report only: apply nothing, store nothing" };
        var json = new Option<bool>("--json") { Description = "Print the ingestion report as JSON" };
        var command = new Command("ingest", "Ingest a bank statement file: match its payments to invoices, park the rest") { file, dryRun, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"file '{path}' does not exist");
            }

            var dry = parse.GetValue(dryRun);
            await using var services = context.BuildServices(parse);
            BankFileIngestionReport report;
            await using (var content = File.OpenRead(path))
            {
                report = await services.GetRequiredService<BankFileIngestion>().IngestAsync(Path.GetFileName(path), content, dry, cancellationToken);
            }

            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(report, BillingJson.Indented));
            }
            else
            {
                context.Console.Out.Write(IngestionReportText.Render(report));
                Where(context, report, StoredFile(context, parse, services, report));
            }

            if (report.Outcome == IngestionOutcome.Quarantined)
            {
                context.Console.Error.WriteLine(
                    $"billing: error: {Path.GetFileName(path)} is malformed at {report.ErrorPosition ?? "an unknown position"}: {Reason(report)}; "
                    + $"{(dry ? "nothing was stored" : $"quarantined as {report.StoredPath}")}, nothing applied");
                return ExitCodes.Usage;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>On the local backend, the file the stored blob is; otherwise the blob address.</summary>
    private static string? StoredFile(CliContext context, ParseResult parse, IServiceProvider services, BankFileIngestionReport report)
    {
        if (report.StoredPath is not { } stored)
        {
            return null;
        }

        var container = services.GetRequiredService<BankFileIngestion>().ContainerOf(report.Outcome);
        return parse.GetValue(context.Globals.Backend) == BillingBackend.Local
            ? new LocalDataDirectory(parse.GetRequiredValue(context.Globals.Data)).BlobFile(container, stored)
            : $"{container}/{stored}";
    }

    private static void Where(CliContext context, BankFileIngestionReport report, string? storedFile)
    {
        if (report.Outcome == IngestionOutcome.Duplicate && report.DuplicateOf is { } first)
        {
            context.Console.WriteLine($"Duplicate of {first.FileName} (ingested {first.IngestedAt:yyyy-MM-dd HH:mm:ss}Z): nothing applied.");
        }

        context.Console.WriteLine(storedFile is null
            ? "Dry run: nothing was applied or stored."
            : $"File stored as {storedFile} (report beside it: .report.json, .report.txt)");
    }

    /// <summary>The error without the position it starts with (the line names the position once).</summary>
    private static string Reason(BankFileIngestionReport report)
    {
        var error = (report.Error ?? "unreadable").ReplaceLineEndings(" ");
        return report.ErrorPosition is { Length: > 0 } position && error.StartsWith($"{position}: ", StringComparison.Ordinal)
            ? error[(position.Length + 2)..]
            : error;
    }
}
