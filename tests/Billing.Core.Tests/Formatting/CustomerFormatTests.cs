using Billing.Core.Formatting;
using Billing.Core.Monetary;

namespace Billing.Core.Tests.Formatting;

public sealed class CustomerFormatTests
{
    [Theory]
    [InlineData("de", "307.02", "EUR", "307,02 €")]
    [InlineData("en", "307.02", "EUR", "€307.02")]
    [InlineData("de", "1234567.5", "EUR", "1.234.567,50 €")]
    [InlineData("en", "1234567.5", "EUR", "€1,234,567.50")]
    [InlineData("de", "-5", "EUR", "-5,00 €")]
    [InlineData("en", "-5", "EUR", "-€5.00")]
    [InlineData("en", "1307.02", "CHF", "CHF 1,307.02")]
    [InlineData("de", "1307.02", "CHF", "1.307,02 CHF")]
    [InlineData("en", "12.5", "GBP", "£12.50")]
    [InlineData("en", "1200", "JPY", "¥1,200")]
    [InlineData("de", "1200", "JPY", "1.200 ¥")]
    [InlineData("en", "0.125", "USD", "$0.13")]
    [InlineData("fr", "307.02", "EUR", "€307.02")]
    public void Money_InTheCustomersLanguage_UsesItsSeparatorsSymbolAndMinorUnit(string language, string amount, string currency, string expected) =>
        Assert.Equal(expected, CustomerFormat.For(language).Money(Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency)));

    [Theory]
    [InlineData("de", "07.02.2026")]
    [InlineData("DE", "07.02.2026")]
    [InlineData("de-AT", "07.02.2026")]
    [InlineData("en", "7 Feb 2026")]
    [InlineData(null, "7 Feb 2026")]
    public void Date_InTheCustomersLanguage_IsWrittenAsThatLanguageWritesIt(string? language, string expected) =>
        Assert.Equal(expected, CustomerFormat.For(language).Date(new DateOnly(2026, 2, 7)));

    [Theory]
    [InlineData("DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    [InlineData("de89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00")]
    [InlineData("CH9300762011623852957", "CH93 0076 2011 6238 5295 7")]
    public void Iban_AnyInput_IsUpperCaseInGroupsOfFour(string iban, string expected) =>
        Assert.Equal(expected, CustomerFormat.Iban(iban));

    [Theory]
    [InlineData("de", "de")]
    [InlineData("en", "en")]
    [InlineData("sv", "en")]
    [InlineData("", "en")]
    public void For_ALanguage_PicksItsRulesOrEnglish(string language, string expected) =>
        Assert.Equal(expected, CustomerFormat.For(language).Language);
}
