using Billing.Cli.Tests.Support;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Local;
using Billing.Local.Storage;

namespace Billing.Cli.Tests.Commands;

/// <summary><c>billing credit show|refund</c>: the credit balance, and refunds recorded once per reference.</summary>
public sealed class CreditCommandTests
{
    /// <summary>A demo folder where acct-00001 (EUR) holds 10.00 of goodwill credit.</summary>
    private static async Task<string> WithCreditAsync()
    {
        var data = await DemoData.CreateAsync();
        using var database = new LocalDatabase(new LocalDataDirectory(data));
        var store = new SqliteDocumentStore(database, TimeProvider.System);
        await new PaymentLedger(store).BookCreditAsync("acct-00001", "goodwill-1", _ => Money.Of(10m, "EUR"), new DateOnly(2026, 3, 31), "goodwill", null);
        return data;
    }

    [Fact]
    public async Task Refund_OfPartOfTheBalance_DebitsItOnce_PerReference()
    {
        var data = await WithCreditAsync();

        var first = await CliRun.RunAsync("credit", "refund", "acct-00001", "4.00", "--reference", "TRF-9", "--data", data);
        var again = await CliRun.RunAsync("credit", "refund", "acct-00001", "4.00", "--reference", "TRF-9", "--data", data);
        var show = await CliRun.RunAsync("credit", "show", "acct-00001", "--data", data);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Refunded 4.00 EUR to acct-00001 (TRF-9). Credit balance now 6.00 EUR.", first.Out, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Refund TRF-9 was recorded before; nothing changed.", again.Out, StringComparison.Ordinal);
        Assert.Contains("credit balance 6.00 EUR", show.Out, StringComparison.Ordinal);
        Assert.Contains("refunded (TRF-9)", show.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.01", "has a credit balance of 10.00 EUR; cannot refund 10.01 EUR")]
    [InlineData("0.001", "AMOUNT: expected a positive amount with at most 2 decimals in EUR, found 0.001")]
    [InlineData("-1", "AMOUNT: expected a positive amount")]
    public async Task Refund_ThatTheBalanceCannotCoverOrThatIsMalformed_ExitsTwoWithOneLine_AndChangesNothing(string amount, string expected)
    {
        var data = await WithCreditAsync();

        var result = await CliRun.RunAsync("credit", "refund", "acct-00001", amount, "--data", data);
        var show = await CliRun.RunAsync("credit", "show", "acct-00001", "--data", data);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("billing: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("credit balance 10.00 EUR", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refund_ForAnAccountThatDoesNotExist_ExitsTwo()
    {
        var result = await CliRun.RunAsync("credit", "refund", "nobody", "1.00", "--data", await DemoData.CreateAsync());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("billing: error: no account 'nobody'", result.Error, StringComparison.Ordinal);
    }
}
