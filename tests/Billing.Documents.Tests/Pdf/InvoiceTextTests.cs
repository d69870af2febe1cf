using Billing.Core.Monetary;
using Billing.Documents.Pdf;

namespace Billing.Documents.Tests.Pdf;

public sealed class InvoiceTextTests
{
    [Theory]
    [InlineData("DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    [InlineData("de89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00")]
    [InlineData("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00")]
    public void Iban_AnyInput_GroupsUpperCaseInFours(string iban, string expected) =>
        Assert.Equal(expected, InvoiceText.Iban(iban));

    [Theory]
    [InlineData(1234.5, "EUR", "1,234.50 EUR")]
    [InlineData(-12.845, "EUR", "-12.85 EUR")]
    [InlineData(12345, "JPY", "12,345 JPY")]
    [InlineData(1.5, "KWD", "1.500 KWD")]
    public void Amount_AnyCurrency_UsesItsMinorDigitsAndCode(decimal amount, string currency, string expected) =>
        Assert.Equal(expected, InvoiceText.Amount(Money.Of(amount, currency)));

    [Theory]
    [InlineData(4.99, "4.99 EUR")]
    [InlineData(10.5, "10.50 EUR")]
    [InlineData(0.12345, "0.12345 EUR")]
    public void UnitPrice_ExtraDigits_AreKeptButNeverFewerThanMinor(decimal price, string expected) =>
        Assert.Equal(expected, InvoiceText.UnitPrice(Money.Of(price, "EUR")));
}
