using System.Globalization;
using System.Text.Json;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class InvoicesCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private static readonly string[] s_fields =
        ["number", "id", "accountId", "customerName", "currency", "issueDate", "dueDate", "status", "total", "amountPaid", "amountDue", "creditorReference", "payeeIban", "pdf", "ubl"];

    private async Task<JsonElement[]> ListJsonAsync(params string[] extra)
    {
        var result = await CliRun.RunAsync(["invoices", "list", "--json", "--data", demo.Data, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static decimal Amount(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ListJson_AfterDemo_PrintsEveryInvoiceWithTheDocumentedFields()
    {
        var invoices = await ListJsonAsync();

        Assert.NotEmpty(invoices);
        Assert.Equal(Directory.GetFiles(Path.Combine(demo.Data, "outbox"), "*.eml").Length, invoices.Length);
        foreach (var invoice in invoices)
        {
            Assert.All(s_fields, f => Assert.True(invoice.TryGetProperty(f, out _), $"missing {f}"));
            var number = invoice.GetProperty("number").GetString()!;
            Assert.Matches("^(INV|CN)-2026-\\d{6}$", number);
            Assert.Equal($"invoices/{invoice.GetProperty("accountId").GetString()}/{number}.pdf", invoice.GetProperty("pdf").GetString());
            Assert.Matches("^-?\\d+\\.\\d{2}$", invoice.GetProperty("total").GetString()!);
        }
    }

    [Fact]
    public async Task ListJson_AfterDemo_TotalsAreTheSumOfTheLines()
    {
        foreach (var invoice in await ListJsonAsync())
        {
            var lines = invoice.GetProperty("lines").EnumerateArray().Sum(l => Amount(l, "netAmount"));
            Assert.Equal(lines, Amount(invoice, "netTotal"));
            Assert.Equal(Amount(invoice, "netTotal") + Amount(invoice, "vatTotal"), Amount(invoice, "total"));
            Assert.Equal(Amount(invoice, "total") - Amount(invoice, "amountPaid"), Amount(invoice, "amountDue"));
        }
    }

    [Fact]
    public async Task ListJson_NumbersAreGaplessPerSeries()
    {
        var numbers = (await ListJsonAsync()).Select(i => i.GetProperty("number").GetString()!).Where(n => n.StartsWith("INV-", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(Enumerable.Range(1, numbers.Count()).Select(n => $"INV-2026-{n:D6}"), numbers);
    }

    [Theory]
    [InlineData("OPEN", "open")]
    [InlineData("open", "open")]
    [InlineData("Paid", "paid")]
    public async Task ListJson_StatusFilterInAnyCase_ReturnsOnlyThatStatus(string filter, string expected)
    {
        var invoices = await ListJsonAsync("--status", filter);

        Assert.All(invoices, i => Assert.Equal(expected, i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task List_Table_PrintsOneRowPerInvoiceAndACount()
    {
        var result = await CliRun.RunAsync("invoices", "list", "--data", demo.Data);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("INV-2026-000001", result.Out, StringComparison.Ordinal);
        Assert.Contains("invoices", result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownStatus_ExitsTwoWithOneLine()
    {
        var result = await CliRun.RunAsync("invoices", "list", "--status", "overdue", "--data", demo.Data);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("overdue", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispute_KnownNumber_HoldsDunningOffTheInvoice_UntilUndisputed()
    {
        var data = await DemoData.CreateAsync(DemoData.WithoutBankFiles);

        var dispute = await CliRun.RunAsync("invoices", "dispute", "INV-2026-000001", "--reason", "Wrong quantity", "--data", data);
        var held = await CliRun.RunAsync("dunning", "run", "--at", "2026-03-20", "--dry-run", "--data", data);
        var undispute = await CliRun.RunAsync("invoices", "undispute", "INV-2026-000001", "--data", data);
        var released = await CliRun.RunAsync("dunning", "run", "--at", "2026-03-20", "--dry-run", "--data", data);

        Assert.True(dispute.ExitCode == 0, dispute.Error);
        Assert.Contains("Invoice INV-2026-000001 of account", dispute.Out, StringComparison.Ordinal);
        Assert.Contains("Wrong quantity", dispute.Out, StringComparison.Ordinal);
        Assert.Matches(@"INV-2026-000001\s+acct-\d+\s+disputed", held.Out);
        Assert.True(undispute.ExitCode == 0, undispute.Error);
        Assert.Contains("no longer disputed", undispute.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"INV-2026-000001\s+acct-\d+\s+disputed", released.Out);
    }

    [Fact]
    public async Task Dispute_UnknownNumber_ExitsTwoWithOneLine()
    {
        var result = await CliRun.RunAsync("invoices", "dispute", "INV-2099-000001", "--data", demo.Data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no invoice has the number 'INV-2099-000001'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undispute_UnknownNumber_ExitsTwoWithOneLine()
    {
        var result = await CliRun.RunAsync("invoices", "undispute", "INV-2099-000001", "--data", demo.Data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("INV-2099-000001", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
