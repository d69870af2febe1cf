using System.CommandLine;
using System.Globalization;
using Billing.BankFiles;
using Billing.BankFiles.Json;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing bankfile inspect FILE [--json]</c>: parses a bank statement file (camt.052/053/054, MT940/942,
/// BAI2, NACHA, CSV; the format is detected from the content) and prints its statements, balances and
/// entry counts, or the whole parsed file as JSON. A malformed file is a usage error naming where it broke.
/// </summary>
public static class BankFileCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("FILE") { Description = "The bank statement file to parse" };
        var json = new Option<bool>("--json") { Description = "Print the parsed file as JSON (every statement and entry)" };
        var inspect = new Command("inspect", "Parse a bank statement file and show what it holds") { file, json };
        inspect.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"file '{path}' does not exist");
            }

            var parsed = BankFileReader.Read(path);
            if (parse.GetValue(json))
            {
                using var stdout = new MemoryStream();
                StatementJsonWriter.Write(stdout, parsed, indented: true);
                context.Console.WriteLine(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
            }
            else
            {
                Print(context, path, parsed);
            }

            return ExitCodes.Success;
        });
        return new Command("bankfile", "Work with bank statement files") { inspect };
    }

    private static void Print(CliContext context, string path, BankFile parsed)
    {
        var console = context.Console;
        console.WriteLine($"{Path.GetFileName(path)}: {parsed.FormatName}{(parsed.FormatVersion is null ? "" : $" ({parsed.FormatVersion})")}, {parsed.Statements.Count} statements");
        console.WriteTable(
            ["Statement", "Account", "Currency", "Opening", "Closing", "Entries", "Credits", "Debits"],
            parsed.Statements.Select(s => (IReadOnlyList<string>)
            [
                s.StatementId ?? s.StatementNumber ?? "-",
                s.Iban ?? s.Account ?? "-",
                s.Currency ?? "-",
                Amount(s.OpeningBalance?.Amount),
                Amount(s.ClosingBalance?.Amount),
                s.Entries.Count.ToString(CultureInfo.InvariantCulture),
                Amount(s.Entries.Where(e => e.IsCredit).Sum(e => e.Amount)),
                Amount(s.Entries.Where(e => !e.IsCredit).Sum(e => e.Amount)),
            ]));
        if (parsed.AchEntries.Count > 0)
        {
            console.WriteLine($"{parsed.AchEntries.Count} ACH entries");
        }

        foreach (var warning in parsed.Warnings)
        {
            console.WriteLine($"warning: {warning}");
        }
    }

    private static string Amount(decimal? amount) => amount?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "-";
}
