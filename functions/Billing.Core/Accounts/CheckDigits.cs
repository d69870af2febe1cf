namespace Billing.Core.Accounts;

/// <summary>The check-digit algorithms of the identifier schemes an <see cref="ElectronicAddress"/> may use.</summary>
internal static class CheckDigits
{
    /// <summary>GS1 (GLN, GTIN): from the right, digits weigh 3, 1, 3, …; the check digit tops the sum up to a multiple of 10.</summary>
    public static bool Gs1(string digits)
    {
        var sum = 0;
        var weight = 3;
        for (var i = digits.Length - 2; i >= 0; i--)
        {
            sum += (digits[i] - '0') * weight;
            weight = 4 - weight;
        }

        return (10 - (sum % 10)) % 10 == digits[^1] - '0';
    }

    /// <summary>Norwegian organisation number: weights 3 2 7 6 5 4 3 2, check = 11 − sum mod 11 (11 → 0, 10 never issued).</summary>
    public static bool NorwegianOrganisation(string digits)
    {
        ReadOnlySpan<int> weights = [3, 2, 7, 6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        var check = 11 - (sum % 11);
        return check != 10 && check % 11 == digits[8] - '0';
    }

    /// <summary>Belgian enterprise number: the last two digits are 97 − (the first eight mod 97).</summary>
    public static bool BelgianEnterprise(string digits) =>
        97 - (long.Parse(digits[..8], System.Globalization.CultureInfo.InvariantCulture) % 97)
        == long.Parse(digits[8..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>German VAT number (USt-IdNr.): the ninth digit is the ISO 7064 MOD 11,10 check digit of the first eight.</summary>
    public static bool Iso7064Mod11Mod10(string digits)
    {
        var product = 10;
        for (var i = 0; i < digits.Length - 1; i++)
        {
            var sum = (digits[i] - '0' + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }

        return (11 - product) % 10 == digits[^1] - '0';
    }

    /// <summary>ISO 7064 MOD 97-10 (as IBAN and Leitweg-ID): letters count as 10–35, and the whole number mod 97 is 1.</summary>
    public static bool Iso7064Mod97(string alphanumeric)
    {
        var remainder = 0;
        foreach (var c in alphanumeric)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : char.ToUpperInvariant(c) - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }

    /// <summary>Luhn (Swedish organisation number, French SIREN/SIRET): every second digit from the right doubled.</summary>
    public static bool Luhn(string digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }
}
