using System.Text.Json;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

/// <summary><c>billing suspense list</c> and <c>resolve</c> over the 8-account demo data after a statement with payments nobody can match.</summary>
public sealed class SuspenseCommandTests
{
    /// <summary>Demo data plus a camt.053 with two unmatched credits: 387.50 (the amount of acct-00002's first invoice) and 999.99 from a stranger.</summary>
    private static async Task<string> DataWithParkedPaymentsAsync()
    {
        var data = await DemoData.CreateAsync();
        var file = StatementText.Write("camt053-unmatched.xml", StatementText.Camt053(
            "STMT-UNMATCHED",
            new StatementCredit(387.50m, "BANKREF-P1") { Text = "Zahlung Februar", PayerName = "Unbekannte Firma" },
            new StatementCredit(999.99m, "BANKREF-P2") { Text = "Spende", PayerName = "Max Mustermann" }));
        var ingest = await CliRun.RunAsync("ingest", file, "--data", data);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        return data;
    }

    private static async Task<JsonElement[]> ParkedAsync(string data)
    {
        var list = await CliRun.RunAsync("suspense", "list", "--json", "--data", data);
        Assert.True(list.ExitCode == 0, list.Error);
        using var json = JsonDocument.Parse(list.Out);
        return [.. json.RootElement.EnumerateArray().Select(p => p.Clone())];
    }

    [Fact]
    public async Task List_ShowsEachParkedPayment_WithItsReasonAndRankedSuggestions()
    {
        var data = await DataWithParkedPaymentsAsync();

        var result = await CliRun.RunAsync("suspense", "list", "--data", data);
        var parked = await ParkedAsync(data);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(2, parked.Length);
        Assert.Contains("2 parked payments", result.Out, StringComparison.Ordinal);
        Assert.Contains("387.50 EUR", result.Out, StringComparison.Ordinal);
        Assert.Contains("Max Mustermann", result.Out, StringComparison.Ordinal);
        Assert.All(parked, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("parkReason").GetString())));
        var byAmount = parked.Single(p => p.GetProperty("payerName").GetString() == "Unbekannte Firma");
        var suggestions = byAmount.GetProperty("suggestions").EnumerateArray().ToArray();
        Assert.NotEmpty(suggestions);
        Assert.Equal(suggestions.Select(s => s.GetProperty("score").GetDecimal()).OrderDescending(), suggestions.Select(s => s.GetProperty("score").GetDecimal()));
        Assert.All(suggestions, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("why").GetString())));
    }

    [Fact]
    public async Task Resolve_OneGoodAndOneBadLine_AppliesTheGoodOne_AndExitsTwoNamingTheBadLine()
    {
        var data = await DataWithParkedPaymentsAsync();
        var parked = await ParkedAsync(data);
        var known = parked.Single(p => p.GetProperty("payerName").GetString() == "Unbekannte Firma").GetProperty("id").GetString();
        var stranger = parked.Single(p => p.GetProperty("payerName").GetString() == "Max Mustermann").GetProperty("id").GetString();
        var invoice = (await IngestCommandTests.InvoicesAsync(data))["acct-00002"].GetProperty("number").GetString();
        var decisions = StatementText.Write("decisions.csv",
            $"payment_id,decision,target,note\n{known},invoice,{invoice},customer confirmed by phone\n{stranger},invoice,INV-2099-999999,typo\n");

        var result = await CliRun.RunAsync("suspense", "resolve", decisions, "--data", data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 applied, 0 already resolved, 1 rejected", result.Out, StringComparison.Ordinal);
        var error = Assert.Single(result.ErrorLines);
        Assert.Equal("billing: error: decisions.csv: 1 of 2 lines rejected, nothing applied from them: line 3: expected an existing invoice number, found 'INV-2099-999999'", error);
        var paid = (await IngestCommandTests.InvoicesAsync(data))["acct-00002"];
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal("387.50", paid.GetProperty("amountPaid").GetString());
        Assert.Equal([stranger], (await ParkedAsync(data)).Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Resolve_TheSameFileAgain_ReportsTheGoodLineAsAlreadyResolved_AndExitsZeroWhenNothingIsRejected()
    {
        var data = await DataWithParkedPaymentsAsync();
        var known = (await ParkedAsync(data)).Single(p => p.GetProperty("payerName").GetString() == "Unbekannte Firma").GetProperty("id").GetString();
        var decisions = StatementText.Write("decisions.csv", $"payment_id,decision,target,note\n{known},account,acct-00002,\n");
        Assert.Equal(0, (await CliRun.RunAsync("suspense", "resolve", decisions, "--data", data)).ExitCode);

        var again = await CliRun.RunAsync("suspense", "resolve", decisions, "--json", "--data", data);

        Assert.True(again.ExitCode == 0, again.Error);
        using var report = JsonDocument.Parse(again.Out);
        var line = Assert.Single(report.RootElement.GetProperty("lines").EnumerateArray());
        Assert.Equal(2, line.GetProperty("line").GetInt32());
        Assert.Equal("AlreadyResolved", line.GetProperty("status").GetString(), ignoreCase: true);
    }
}
