namespace Billing.BankFiles.Tests.Mt940;

/// <summary>The balance fields :60F:/:60M:/:62F:/:62M:/:64:/:65: and where each one lands on the statement.</summary>
public sealed class Mt940BalanceTests
{
    private const string Header = ":20:STMT\r\n:25:DE89370400440532013000\r\n:28C:7/2\r\n";

    public static TheoryData<string, string, string, string, bool> Balances => new()
    {
        // field, statement slot, amount, date, intermediate
        { ":60F:C240131EUR1234,56", "opening", "1234.56", "2024-01-31", false },
        { ":60M:D240131EUR10,", "opening", "-10", "2024-01-31", true },
        { ":62F:D240201USD0,99", "closing", "-0.99", "2024-02-01", false },
        { ":62M:C240201EUR5,00", "closing", "5.00", "2024-02-01", true },
        { ":64:C240201EUR7,00", "available", "7.00", "2024-02-01", false },
        { ":65:C240202EUR8,00", "forward", "8.00", "2024-02-02", false },
    };

    [Theory]
    [MemberData(nameof(Balances))]
    public void Parse_BalanceField_LandsInItsSlotWithSignAndDate(string field, string slot, string amount, string date, bool intermediate)
    {
        // An MT940 statement must end with a closing balance; the other fields get one after them.
        var closing = slot == "closing" ? "" : ":62F:C240201EUR0,00\r\n";
        var statement = Assert.Single(BankText.Read(Header + field + "\r\n" + closing).Statements);
        var balance = slot switch
        {
            "opening" => statement.OpeningBalance,
            "closing" => statement.ClosingBalance,
            "available" => statement.AvailableBalance,
            _ => statement.ForwardAvailableBalance,
        };

        Assert.NotNull(balance);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), balance.Amount);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), balance.Date);
        Assert.Equal(field[1..field.IndexOf(':', 1)], balance.Type);
        Assert.Equal(intermediate, balance.IsIntermediate);
    }

    [Fact]
    public void Parse_OpeningBalanceCurrency_IsTheStatementCurrency()
    {
        var statement = Assert.Single(BankText.Read(Header + ":60F:C240131chf1,00\r\n:62F:C240131CHF1,00\r\n").Statements);

        Assert.Equal("CHF", statement.Currency);
        Assert.Equal("CHF", statement.OpeningBalance!.Currency);
    }

    [Theory]
    [InlineData(":60F:X240131EUR1,00", "line 4: :60F: expected C or D, a date YYMMDD, a currency and an amount")]
    [InlineData(":62F:C241331EUR1,00", "line 4: :62F: expected C or D, a date YYMMDD, a currency and an amount")]
    [InlineData(":64:C240131E1R1,00", "line 4: :64: expected a three-letter currency code")]
    [InlineData(":65:C240131EUR1,0A", "line 4: :65: expected an amount with a decimal comma")]
    public void Parse_MalformedBalance_NamesLineFieldAndExpectation(string field, string message)
    {
        Assert.Equal(message, BankText.Failure(Header + field + "\r\n"));
    }
}
