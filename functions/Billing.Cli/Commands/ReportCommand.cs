using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Billing.Cli.Hosting;
using Billing.Cli.Output;
using Billing.Core.Reporting;
using Billing.Core.Serialization;
using Billing.Documents.Reports;
using Billing.Local;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing report [--at DATE] [--json]</c>: publishes the report snapshots as of the date (aging, revenue, cash,
/// dunning funnel, unapplied cash, and the close reports of periods that just closed) as JSON, CSV and HTML, prints
/// each report's key figures and where its index page is: <c>&lt;data&gt;/blobs/reports/&lt;date&gt;/index.html</c> and
/// <c>latest/index.html</c> on the embedded default. Publishing the same date again writes nothing new.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var at = DateOption.Create("--at", "The date the reports are as of (default: today, UTC)", () => context.Today);
        var json = new Option<bool>("--json") { Description = "Print the publication (every report, its key figures and files) as JSON" };
        var command = new Command("report", "Write the reports as of a date and print their key figures") { at, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.BuildServices(parse);
            var publication = await services.GetRequiredService<ReportPublisher>().PublishAsync(parse.GetValue(at), cancellationToken);
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(publication, BillingJson.Indented));
                return ExitCodes.Success;
            }

            Func<string, string> locate = parse.GetValue(context.Globals.Backend) == BillingBackend.Local
                ? path => services.GetRequiredService<LocalDataDirectory>().BlobFile(publication.Container, path)
                : path => $"{publication.Container}/{path}";
            Print(context.Console, publication, locate);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, ReportPublication publication, Func<string, string> locate)
    {
        console.WriteLine($"Reports as of {publication.AsOf:yyyy-MM-dd}");
        foreach (var report in publication.Reports)
        {
            var title = string.Create(CultureInfo.InvariantCulture, $"{report.Title} ({report.Report} v{report.Version}, {Outcome(report.Outcome)})");
            console.WriteLine();
            if (report.Summary.Count == 0)
            {
                console.WriteLine(title);
                console.WriteLine("  nothing to report");
                continue;
            }

            console.WriteTable(["Figure", "Value"], report.Summary.Select(f => (IReadOnlyList<string>)[f.Label, Format(f)]), title);
        }

        console.WriteLine();
        if (publication.IndexPath is { } index)
        {
            console.WriteLine($"Index   {locate(index)}");
            console.WriteLine($"Latest  {locate($"{ReportPublisher.LatestFolder}/{index[(index.LastIndexOf('/') + 1)..]}")}");
        }
        else
        {
            console.WriteLine("No index page was written (no HTML format is registered).");
        }
    }

    /// <summary>As the HTML page shows it; a figure without a value (a rate with nothing to divide) is "n/a".</summary>
    private static string Format(KeyFigure figure) => figure.Kind switch
    {
        _ when string.IsNullOrWhiteSpace(figure.Value) => "n/a",
        FigureKind.Amount when figure.Currency is { } currency => CurrencyDisplay.Amount(figure.Value, currency),
        FigureKind.Count => CurrencyDisplay.Number(figure.Value),
        FigureKind.Percent => CurrencyDisplay.Number(figure.Value, 1) + " %",
        FigureKind.Days => CurrencyDisplay.Number(figure.Value, 1),
        _ => figure.Value,
    };

    private static string Outcome(SnapshotOutcome outcome) => outcome switch
    {
        SnapshotOutcome.Created => "new",
        SnapshotOutcome.NewVersion => "new version",
        _ => "unchanged",
    };
}
