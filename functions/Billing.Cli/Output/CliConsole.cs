using Spectre.Console;

namespace Billing.Cli.Output;

/// <summary>
/// Where the CLI writes: standard output and error, and whether a person is watching. On a terminal
/// output is drawn with Spectre.Console (tables, progress bars); redirected, it is plain lines that
/// scripts and tests can read.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool isInteractive)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Out = output;
        Error = error;
        IsInteractive = isInteractive;
        Ansi = isInteractive
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            });
    }

    public TextWriter Out { get; }

    /// <summary>
    /// Standard output as bytes, when it is the process's own (null when captured): bulk UTF-8 output such as
    /// <c>bankfile inspect --json</c> goes there in large writes, instead of through the console writer, which encodes
    /// and writes every 256 characters. Flush <see cref="Out"/> before writing here.
    /// </summary>
    public Stream? OutBytes { get; init; }

    public TextWriter Error { get; }

    /// <summary>True on a terminal: draw tables and progress; false when output is redirected.</summary>
    public bool IsInteractive { get; }

    public IAnsiConsole Ansi { get; }

    public static CliConsole FromSystemConsole() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive) { OutBytes = Console.OpenStandardOutput() };

    /// <summary>Captured output for tests: never interactive.</summary>
    public static CliConsole Captured(TextWriter output, TextWriter error) => new(output, error, isInteractive: false);

    public void WriteLine(string line = "") => Out.WriteLine(line);

    /// <summary>A table on a terminal; aligned plain columns when redirected.</summary>
    public void WriteTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var materialised = rows.ToList();
        if (IsInteractive)
        {
            var table = new Table().Border(TableBorder.Rounded);
            if (title is not null)
            {
                table.Title(Markup.Escape(title));
            }

            foreach (var header in headers)
            {
                table.AddColumn(Markup.Escape(header));
            }

            foreach (var row in materialised)
            {
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }

            Ansi.Write(table);
            return;
        }

        if (title is not null)
        {
            Out.WriteLine(title);
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, materialised.Count == 0 ? 0 : materialised.Max(r => r[i].Length))).ToArray();
        Out.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in materialised)
        {
            Out.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
