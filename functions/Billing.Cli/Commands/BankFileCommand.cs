using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Billing.BankFiles;
using Billing.BankFiles.Csv;
using Billing.BankFiles.Json;
using Billing.Cli.Output;

namespace Billing.Cli.Commands;

/// <summary>
/// <c>billing bankfile inspect FILE [--json]</c>: parses a bank statement file (camt.052/053/054, MT940/942,
/// BAI2, NACHA, CSV; the format is detected from the content) and prints its statements, balances and
/// entry counts, or the whole parsed file as JSON. Both stream the file: memory does not grow with it (the JSON is
/// written as entries are read, so a file that breaks half-way leaves the JSON cut off, exit code 2 and the error on
/// stderr). A malformed file is a usage error naming where it broke. A CSV export that no built-in profile matches gets
/// its mapping inferred (shown with its confidence among the warnings); <c>--profile FILE</c> pins a mapping instead, and
/// <c>billing bankfile profile FILE [--output PROFILE]</c> writes the mapping it would use as a profile to edit.
/// </summary>
public static class BankFileCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("FILE") { Description = "The bank statement file to parse" };
        var json = new Option<bool>("--json") { Description = "Print the parsed file as JSON (every statement and entry)" };
        var profile = new Option<string?>("--profile") { Description = "A CSV profile (JSON, as written by 'bankfile profile') to read a CSV export with, instead of inferring one" };
        var inspect = new Command("inspect", "Parse a bank statement file and show what it holds") { file, json, profile };
        inspect.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            var options = Options(parse.GetValue(profile));
            using var stream = Open(path);
            var events = BankFileReader.ReadEvents(stream, options);
            if (parse.GetValue(json))
            {
                WriteJson(context.Console, events);
            }
            else
            {
                Print(context, path, events);
            }

            return ExitCodes.Success;
        });
        return new Command("bankfile", "Work with bank statement files") { inspect, ProfileCommand(context) };
    }

    private static Command ProfileCommand(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A bank's CSV export" };
        var output = new Option<string?>("--output") { Description = "Write the profile to this file instead of printing it" };
        var command = new Command("profile", "Write the CSV mapping of an export (a built-in profile or the inferred one) as a profile to edit and pass with --profile") { file, output };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            CsvInference inference;
            using (var stream = Open(path))
            {
                inference = BankFileReader.DescribeCsv(stream);
            }

            var mapping = inference.Profile ?? throw new BankFileFormatException("CSV header", $"cannot infer a mapping: {inference.Description}");
            var text = CsvProfileJson.Write(mapping);
            if (parse.GetValue(output) is { } target)
            {
                File.WriteAllText(target, text + Environment.NewLine);
                context.Console.WriteLine($"wrote {target} (confidence {inference.Confidence}): {inference.Description}");
            }
            else
            {
                context.Console.WriteLine(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static BankFileReaderOptions Options(string? profilePath)
    {
        if (profilePath is null)
        {
            return BankFileReaderOptions.Default;
        }

        if (!File.Exists(profilePath))
        {
            throw new CliUsageException($"profile '{profilePath}' does not exist");
        }

        return new BankFileReaderOptions { CsvProfiles = [CsvProfileJson.Read(File.ReadAllText(profilePath), profilePath)], InferCsvProfiles = false };
    }

    private static FileStream Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"file '{path}' does not exist");
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
    }

    private static void WriteJson(CliConsole console, IEnumerable<BankFileEvent> events)
    {
        if (console.OutBytes is { } bytes)
        {
            // Straight to standard output, 32 KB at a time (the writer's flushes), with no round trip through UTF-16.
            console.Out.Flush();
            using (var direct = new Utf8JsonWriter(bytes, new JsonWriterOptions { Indented = true }))
            {
                StatementJsonWriter.Write(direct, events, static () => { });
            }

            bytes.Write("\n"u8);
            bytes.Flush();
            return;
        }

        var output = console.Out;
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var chars = new char[Encoding.UTF8.GetMaxCharCount(64 * 1024)];
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
        StatementJsonWriter.Write(writer, events, () =>
        {
            // The writer flushes whole tokens, so the bytes never end inside a UTF-8 sequence.
            var written = buffer.WrittenSpan;
            if (chars.Length < Encoding.UTF8.GetMaxCharCount(written.Length))
            {
                chars = new char[Encoding.UTF8.GetMaxCharCount(written.Length)];
            }

            output.Write(chars, 0, Encoding.UTF8.GetChars(written, chars));
            buffer.ResetWrittenCount();
        });
        output.WriteLine();
    }

    private static void Print(CliContext context, string path, IEnumerable<BankFileEvent> events)
    {
        var rows = new List<IReadOnlyList<string>>();
        string? heading = null;
        var warnings = (IReadOnlyList<string>)[];
        decimal credits = 0, debits = 0;
        var achEntries = 0;
        foreach (var e in events)
        {
            switch (e)
            {
                case BankFileEvent.FileStarted started:
                    heading = $"{Path.GetFileName(path)}: {BankFile.NameOf(started.Format)}{(started.FormatVersion is null ? "" : $" ({started.FormatVersion})")}";
                    break;
                case BankFileEvent.StatementStarted:
                    credits = debits = 0;
                    break;
                case BankFileEvent.EntryRead { Entry: var entry }:
                    if (entry.IsCredit)
                    {
                        credits += entry.Amount;
                    }
                    else
                    {
                        debits += entry.Amount;
                    }

                    break;
                case BankFileEvent.StatementCompleted { Statement: var s }:
                    rows.Add(
                    [
                        s.StatementId ?? s.StatementNumber ?? "-",
                        s.Iban ?? s.Account ?? "-",
                        s.Currency ?? "-",
                        Amount(s.OpeningBalance?.Amount),
                        Amount(s.ClosingBalance?.Amount),
                        s.EntryCount.ToString(CultureInfo.InvariantCulture),
                        Amount(credits),
                        Amount(debits),
                    ]);
                    break;
                case BankFileEvent.AchEntryRead:
                    achEntries++;
                    break;
                case BankFileEvent.FileCompleted completed:
                    warnings = completed.Warnings;
                    break;
            }
        }

        var console = context.Console;
        console.WriteLine($"{heading}, {rows.Count} statements");
        console.WriteTable(["Statement", "Account", "Currency", "Opening", "Closing", "Entries", "Credits", "Debits"], rows);
        if (achEntries > 0)
        {
            console.WriteLine($"{achEntries} ACH entries");
        }

        foreach (var warning in warnings)
        {
            console.WriteLine($"warning: {warning}");
        }
    }

    private static string Amount(decimal? amount) => amount?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "-";
}
