using System.Text.Json;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

/// <summary>
/// <c>billing ingest</c> over the 8-account demo data, whose accounts' first invoices are open (EUR: acct-00001 174.93,
/// acct-00002 387.50, acct-00003 98.00, acct-00008 516.00): statements that pay them by RF reference and by invoice
/// number, a malformed file, a duplicate. Invoices are found by account, not number: invoices issued on the same day are
/// numbered in the order the queue happens to bill them.
/// </summary>
public sealed class IngestCommandTests
{
    /// <summary>The first invoice of each account, by account id.</summary>
    internal static async Task<Dictionary<string, JsonElement>> InvoicesAsync(string data)
    {
        var list = await CliRun.RunAsync("invoices", "list", "--json", "--data", data);
        Assert.True(list.ExitCode == 0, list.Error);
        using var json = JsonDocument.Parse(list.Out);
        return json.RootElement.EnumerateArray().GroupBy(i => i.GetProperty("accountId").GetString()!).ToDictionary(g => g.Key, g => g.First().Clone());
    }

    private static async Task<string> CamtPayingThreeInvoicesAsync(string data)
    {
        var invoices = await InvoicesAsync(data);
        return StatementText.Write("camt053-2026-03-02.xml", StatementText.Camt053(
            "STMT-0302",
            new StatementCredit(174.93m, "BANKREF-1") { CreditorReference = invoices["acct-00001"].GetProperty("creditorReference").GetString() },
            new StatementCredit(98.00m, "BANKREF-2") { Text = $"Rechnung {Spaced(invoices["acct-00003"])} vielen Dank" },
            new StatementCredit(200.00m, "BANKREF-3") { CreditorReference = invoices["acct-00008"].GetProperty("creditorReference").GetString() }));
    }

    [Fact]
    public async Task Ingest_Camt053_AppliesPaymentsByRfReferenceAndByInvoiceNumber_AndInvoicesListShowsWhatIsPaid()
    {
        var data = await DemoData.CreateAsync();
        var file = await CamtPayingThreeInvoicesAsync(data);

        var result = await CliRun.RunAsync("ingest", file, "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("outcome:      Processed", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"CreditorReference\s+2\s+374\.93 EUR", result.Out);
        Assert.Matches(@"InvoiceNumber\s+1\s+98\.00 EUR", result.Out);
        Assert.Matches(@"Applied\s+3\s+472\.93 EUR", result.Out);
        Assert.Contains(Path.Combine(data, "blobs", "bank-archive", "processed"), result.Out, StringComparison.Ordinal);
        var invoices = await InvoicesAsync(data);
        Assert.Equal(("paid", "174.93", "0.00"), Paid(invoices["acct-00001"]));
        Assert.Equal(("paid", "98.00", "0.00"), Paid(invoices["acct-00003"]));
        Assert.Equal(("open", "200.00", "316.00"), Paid(invoices["acct-00008"]));
        Assert.Equal(("open", "0.00", "387.50"), Paid(invoices["acct-00002"]));
    }

    [Fact]
    public async Task Ingest_Mt940_MatchesTheInvoiceNumberTypedWithSpaces()
    {
        var data = await DemoData.CreateAsync();
        var invoice = (await InvoicesAsync(data))["acct-00002"];
        var file = StatementText.Write("mt940-0302.sta", StatementText.Mt940("STMT0302", new StatementCredit(387.50m, "MTREF-1") { Text = Spaced(invoice) }));

        var result = await CliRun.RunAsync("ingest", file, "--json", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal("processed", report.RootElement.GetProperty("outcome").GetString(), ignoreCase: true);
        var payment = Assert.Single(report.RootElement.GetProperty("payments").EnumerateArray());
        Assert.Equal("InvoiceNumber", payment.GetProperty("rule").GetString(), ignoreCase: true);
        Assert.Equal([invoice.GetProperty("number").GetString()], payment.GetProperty("invoices").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(("paid", "387.50", "0.00"), Paid((await InvoicesAsync(data))["acct-00002"]));
    }

    [Fact]
    public async Task Ingest_TheSameContentTwice_SaysDuplicateOfTheFirst_AndAppliesNothingMore()
    {
        var data = await DemoData.CreateAsync();
        var file = await CamtPayingThreeInvoicesAsync(data);
        Assert.Equal(0, (await CliRun.RunAsync("ingest", file, "--data", data)).ExitCode);
        var copy = Path.Combine(Path.GetDirectoryName(file)!, "resent-by-the-bank.xml");
        File.Copy(file, copy);

        var again = await CliRun.RunAsync("ingest", copy, "--data", data);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Duplicate of camt053-2026-03-02.xml", again.Out, StringComparison.Ordinal);
        Assert.Contains("outcome:      Duplicate", again.Out, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(data, "blobs", "bank-files", "duplicates"), again.Out, StringComparison.Ordinal);
        Assert.Equal(("open", "200.00", "316.00"), Paid((await InvoicesAsync(data))["acct-00008"]));
    }

    [Fact]
    public async Task Ingest_AMalformedFile_ExitsTwoWithOneLineNamingThePosition_AndQuarantinesIt()
    {
        var data = await DemoData.CreateAsync();
        var file = StatementText.Write("broken.sta", ":20:STMT1\r\n:25:37040044/0532013000\r\n:28C:1/1\r\n:60F:C260301EUR0,00\r\n:61:XXXXXXC12,00NTRF\r\n-\r\n");

        var result = await CliRun.RunAsync("ingest", file, "--data", data);

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith("billing: error: broken.sta is malformed at ", error, StringComparison.Ordinal);
        var position = error["billing: error: broken.sta is malformed at ".Length..].Split(": ")[0];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error, System.Text.RegularExpressions.Regex.Escape(position)));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Out, System.Text.RegularExpressions.Regex.Escape(position)));
        Assert.Contains("quarantined as quarantine/", error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(data, "blobs", "bank-files", "quarantine"), "*-broken.sta", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task IngestDryRun_ReportsWhatWouldBeApplied_AndChangesNothing()
    {
        var data = await DemoData.CreateAsync();
        var file = await CamtPayingThreeInvoicesAsync(data);

        var result = await CliRun.RunAsync("ingest", file, "--dry-run", "--data", data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("DRY RUN", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Applied\s+3\s+472\.93 EUR", result.Out);
        Assert.Equal(("open", "0.00", "174.93"), Paid((await InvoicesAsync(data))["acct-00001"]));
        Assert.False(Directory.Exists(Path.Combine(data, "blobs", "bank-files")));
    }

    [Fact]
    public async Task Ingest_AFileThatDoesNotExist_IsAUsageError()
    {
        var result = await CliRun.RunAsync("ingest", "/no/such/statement.xml", "--data", CliRun.NewDataDirectory());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("billing: error: file '/no/such/statement.xml' does not exist", Assert.Single(result.ErrorLines));
    }

    /// <summary>The invoice number as people type it: INV 2026 000009.</summary>
    private static string Spaced(JsonElement invoice) => invoice.GetProperty("number").GetString()!.Replace('-', ' ');

    private static (string Status, string Paid, string Due) Paid(JsonElement invoice) =>
        (invoice.GetProperty("status").GetString()!, invoice.GetProperty("amountPaid").GetString()!, invoice.GetProperty("amountDue").GetString()!);
}
