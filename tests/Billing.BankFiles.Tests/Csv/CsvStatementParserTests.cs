using System.Text;
using Billing.BankFiles.Csv;

namespace Billing.BankFiles.Tests.Csv;

/// <summary>CSV exports read through a profile: number formats, debit/credit columns, sign convention, dates, encoding.</summary>
public sealed class CsvStatementParserTests
{
    private static readonly CsvProfile _german = new()
    {
        Name = "german-test",
        HeaderColumns = ["Buchungstag", "Verwendungszweck", "Betrag"],
        BookingDateColumn = "Buchungstag",
        AmountColumn = "Betrag",
        DescriptionColumns = ["Verwendungszweck"],
        DecimalSeparator = ',',
        ThousandsSeparators = ".",
        Currency = "EUR",
    };

    private static BankFile Read(string content, CsvProfile profile, Encoding? encoding = null) =>
        BankText.Read((encoding ?? new UTF8Encoding(false)).GetBytes(content), new BankFileReaderOptions { CsvProfiles = [profile] });

    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("-1.234.567,89", "-1234567.89")]
    [InlineData("0,05", "0.05")]
    [InlineData("12", "12")]
    public void Parse_DecimalCommaWithThousandsDots_ReadsTheAmount(string written, string amount)
    {
        var file = Read($"Buchungstag;Verwendungszweck;Betrag\n31.01.2024;Miete;{written}\n", _german);

        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), file.Statements.Single().Entries.Single().Amount);
        Assert.Equal("german-test", file.FormatVersion);
    }

    [Theory]
    [InlineData("\"1'250.00\";", "-1250.00")]
    [InlineData(";\"80.50\"", "80.50")]
    [InlineData("\"-5.00\";", "-5.00")]
    public void Parse_SeparateDebitAndCreditColumns_DebitIsAlwaysNegative(string debitCredit, string amount)
    {
        var file = Read($"\"Datum\";\"Buchungstext\";\"Belastung CHF\";\"Gutschrift CHF\";\"Valuta\"\n\"31.01.2024\";\"Text\";{debitCredit};\"31.01.2024\"\n", CsvProfiles.Zkb);

        var entry = file.Statements.Single().Entries.Single();
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), entry.Amount);
        Assert.Equal(entry.Amount >= 0, entry.IsCredit);
    }

    [Fact]
    public void Parse_DebitPositiveConvention_NegatesTheAmount()
    {
        var profile = new CsvProfile
        {
            Name = "card",
            HeaderColumns = ["Date", "Text", "Amount"],
            BookingDateColumn = "Date",
            AmountColumn = "Amount",
            Delimiter = ',',
            SignConvention = CsvSignConvention.DebitPositive,
            Currency = "USD",
        };

        var entries = Read("Date,Text,Amount\n2024-01-31,Coffee,4.50\n2024-01-31,Refund,-2.00\n", profile).Statements.Single().Entries;

        Assert.Equal([-4.50m, 2.00m], entries.Select(e => e.Amount));
    }

    [Theory]
    [InlineData("31.01.2024")]
    [InlineData("31.01.24")]
    [InlineData("2024-01-31")]
    public void Parse_DateFormats_AreTriedInOrder(string written)
    {
        var file = Read($"Buchungstag;Verwendungszweck;Betrag\n{written};X;1,00\n", _german);

        Assert.Equal(new DateOnly(2024, 1, 31), file.Statements.Single().Entries.Single().BookingDate);
    }

    [Fact]
    public void Parse_Windows1252Umlauts_AreDetectedAndDecoded()
    {
        var content = "Buchungstag;Verwendungszweck;Betrag\n31.01.2024;Überweisung Müller;1,00\n";

        var file = Read(content, _german, Text.TextEncodingDetectorTests.Windows1252);

        Assert.Equal("Überweisung Müller", file.Statements.Single().Entries.Single().RemittanceInfo);
    }

    [Fact]
    public void Parse_UnreadableAmount_NamesLineColumnAndValue()
    {
        var failure = Assert.Throws<BankFileFormatException>(() => Read("Buchungstag;Verwendungszweck;Betrag\n31.01.2024;X;zwölf\n", _german));

        Assert.Equal("line 2: expected an amount in column \"Betrag\", found \"zwölf\"", failure.Message);
    }

    [Fact]
    public void Parse_UnreadableDate_NamesLineFormatsAndValue()
    {
        var failure = Assert.Throws<BankFileFormatException>(() => Read("Buchungstag;Verwendungszweck;Betrag\n31/01/2024;X;1,00\n", _german));

        Assert.Equal("line 2: expected a date (dd.MM.yyyy or dd.MM.yy or yyyy-MM-dd) in column \"Buchungstag\", found \"31/01/2024\"", failure.Message);
    }
}
