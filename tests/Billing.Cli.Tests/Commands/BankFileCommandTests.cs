using System.Text.Json;
using Billing.Cli.Output;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class BankFileCommandTests
{
    [Fact]
    public async Task Inspect_Mt940File_PrintsFormatBalancesAndEntryCount()
    {
        var result = await CliRun.RunAsync("bankfile", "inspect", CliRun.ExampleFile("statement.mt940"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("mt940, 1 statements", result.Out, StringComparison.Ordinal);
        Assert.Contains("1129.50", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectJson_Mt940File_PrintsTheParsedStatementAsJson()
    {
        var result = await CliRun.RunAsync("bankfile", "inspect", CliRun.ExampleFile("statement.mt940"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("mt940", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("statements").GetArrayLength());
    }

    [Fact]
    public async Task InspectJson_StandardOutputAsBytes_WritesTheSameJsonStraightToTheStream()
    {
        var file = CliRun.ExampleFile("statement.mt940");
        var captured = await CliRun.RunAsync("bankfile", "inspect", file, "--json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var bytes = new MemoryStream();

        var exitCode = await BillingCli.RunAsync(["bankfile", "inspect", file, "--json"], new CliConsole(output, error, isInteractive: false) { OutBytes = bytes }, new FixedClock(CliRun.Today));

        Assert.Equal(0, exitCode);
        Assert.Equal("", output.ToString());
        Assert.Equal(captured.Out.ReplaceLineEndings("\n"), System.Text.Encoding.UTF8.GetString(bytes.ToArray()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Inspect_UnrecognisedContent_ExitsTwoWithOneLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "this is not a bank statement\n");

        var result = await CliRun.RunAsync("bankfile", "inspect", file);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("billing: error: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private const string PostFinanceExport = "Konto:;CH93 0900 0000 1234 5678 9\nWährung:;CHF\n\n"
        + "Buchungsdatum;Avisierungstext;Gutschrift in CHF;Lastschrift in CHF;Valuta;Saldo in CHF\n"
        + "31.01.2024;GUTSCHRIFT MUSTER AG INV-2024-000017;1'250.00;;31.01.2024;3'480.75\n"
        + "29.01.2024;KAUF MIGROS;;-84.25;29.01.2024;2'230.75\n";

    private static async Task<string> TempFileAsync(string content, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bankfile-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(file, content);
        return file;
    }

    [Fact]
    public async Task Inspect_CsvExportWithoutProfile_ShowsTheInferredMappingAndItsConfidence()
    {
        var result = await CliRun.RunAsync("bankfile", "inspect", await TempFileAsync(PostFinanceExport, ".csv"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("csv (inferred), 1 statements", result.Out, StringComparison.Ordinal);
        Assert.Contains("CSV mapping inferred (confidence high)", result.Out, StringComparison.Ordinal);
        Assert.Contains("credit \"Gutschrift in CHF\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ThenInspectWithProfile_ReadsTheExportThroughThePinnedMapping()
    {
        var export = await TempFileAsync(PostFinanceExport, ".csv");
        var profile = Path.ChangeExtension(export, ".profile.json");

        var written = await CliRun.RunAsync("bankfile", "profile", export, "--output", profile);
        var edited = (await File.ReadAllTextAsync(profile)).Replace("\"name\": \"inferred\"", "\"name\": \"postfinance\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(profile, edited);
        var inspected = await CliRun.RunAsync("bankfile", "inspect", export, "--profile", profile, "--json");

        Assert.True(written.ExitCode == 0, written.Error);
        Assert.True(inspected.ExitCode == 0, inspected.Error);
        using var json = JsonDocument.Parse(inspected.Out);
        Assert.Equal("postfinance", json.RootElement.GetProperty("format_version").GetString());
        var entries = json.RootElement.GetProperty("statements")[0].GetProperty("entries");
        Assert.Equal(["1250.00", "-84.25"], entries.EnumerateArray().Select(e => e.GetProperty("amount").GetString()));
    }

    [Fact]
    public async Task Inspect_ProfileWithoutAmountColumns_ExitsTwoNamingTheField()
    {
        var profile = await TempFileAsync("""{"name":"x","headerColumns":["Datum"],"bookingDateColumn":"Datum"}""", ".json");

        var result = await CliRun.RunAsync("bankfile", "inspect", await TempFileAsync(PostFinanceExport, ".csv"), "--profile", profile);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("amountColumn: expected an amount column, or both debitColumn and creditColumn", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_NotACsvExport_ExitsTwoSayingWhatItIs()
    {
        var result = await CliRun.RunAsync("bankfile", "profile", CliRun.ExampleFile("statement.mt940"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a CSV export: this is mt940", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectJson_FileBrokenAfterItsFirstEntry_ExitsTwoWithOneErrorLine()
    {
        var broken = await TempFileAsync(":20:S\n:25:DE89370400440532013000\n:28C:1/1\n:60F:C240101EUR0,00\n:61:240115C12,50NTRFREF1//B1\n:61:2401XXC1,00NTRF\n:62F:C240131EUR12,50\n", ".sta");

        var result = await CliRun.RunAsync("bankfile", "inspect", broken, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("billing: error: line 6", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
