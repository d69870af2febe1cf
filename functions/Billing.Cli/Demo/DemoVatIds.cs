using System.Text;

namespace Billing.Cli.Demo;

/// <summary>
/// Fictitious VAT identifiers in each country's format (DE + 9 digits with a valid check digit, FR + 2 + 9, NL + 9 + B01,
/// ATU + 8, SE + 10 + 01).
/// </summary>
public static class DemoVatIds
{
    public static string For(string countryCode, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return countryCode switch
        {
            "DE" => GermanWithCheckDigit(Digits(random, 9)),
            "FR" => "FR" + Digits(random, 11),
            "NL" => "NL" + Digits(random, 9) + "B01",
            "AT" => "ATU" + Digits(random, 8),
            "SE" => "SE" + Digits(random, 10) + "01",
            _ => countryCode + Digits(random, 9),
        };
    }

    /// <summary>A German VAT number whose ninth digit is its ISO 7064 MOD 11,10 check digit, so it is also a valid 9930 participant id.</summary>
    private static string GermanWithCheckDigit(string digits) =>
        Enumerable.Range(0, 10).Select(d => $"DE{digits[..8]}{d}").First(id => Billing.Core.Accounts.ElectronicAddressSchemes.Check(Billing.Core.Accounts.ElectronicAddressSchemes.GermanVat, id) is null);

    private static string Digits(Random random, int count)
    {
        var digits = new StringBuilder(count);
        digits.Append((char)('1' + random.Next(9)));
        for (var i = 1; i < count; i++)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        return digits.ToString();
    }
}
