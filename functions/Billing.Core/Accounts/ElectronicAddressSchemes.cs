using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Billing.Core.Accounts;

/// <summary>
/// The electronic address schemes (CEF EAS code list, as Peppol BIS Billing 3.0 rule PEPPOL-EN16931-CL008 and
/// EN 16931 BR-CL-25 restrict them) this system accepts, each with its format and check digits where the scheme
/// has them. The schemes with check digits are those Peppol validates itself (PEPPOL-COMMON-R040 GLN, R041
/// Norwegian organisation number, R043 Belgian enterprise number, R049 Swedish organisation number) and those the
/// issuing register defines (German VAT number, Leitweg-ID, French SIREN/SIRET). The VAT schemes (99xx) expect the
/// VAT number with its country prefix. Other EAS codes are refused until a customer needs one: a typo in a
/// scheme would otherwise route every invoice of that customer nowhere.
/// </summary>
public static partial class ElectronicAddressSchemes
{
    public const string Gln = "0088";
    public const string NorwegianOrganisation = "0192";
    public const string BelgianEnterprise = "0208";
    public const string GermanVat = "9930";
    public const string LeitwegId = "0204";
    public const string Email = "EM";

    private sealed record Rule(string Name, Regex Format, string Expected, Func<string, bool>? CheckDigits = null);

    private static readonly FrozenDictionary<string, Rule> s_rules = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        [Gln] = new("GLN", Digits(13), "13 digits with a GS1 mod-10 check digit", CheckDigits.Gs1),
        [NorwegianOrganisation] = new("Norwegian organisation number", Digits(9), "9 digits with a mod-11 check digit", CheckDigits.NorwegianOrganisation),
        [BelgianEnterprise] = new("Belgian enterprise number", BelgianPattern(), "10 digits starting with 0 or 1, the last two a mod-97 check", CheckDigits.BelgianEnterprise),
        [GermanVat] = new("German VAT number", Vat("DE", @"[0-9]{9}"), "DE and 9 digits, the last an ISO 7064 MOD 11,10 check digit", id => CheckDigits.Iso7064Mod11Mod10(id[2..])),
        [LeitwegId] = new("Leitweg-ID", LeitwegPattern(), "2-12 digits, optionally '-' and 1-30 letters or digits, then '-' and two ISO 7064 MOD 97-10 check digits", id => CheckDigits.Iso7064Mod97(id.Replace("-", "", StringComparison.Ordinal))),
        [Email] = new("e-mail address", EmailPattern(), "an e-mail address (one '@', a dot in the domain, no spaces)"),
        ["0007"] = new("Swedish organisation number", Digits(10), "10 digits with a Luhn check digit", CheckDigits.Luhn),
        ["0002"] = new("French SIREN", Digits(9), "9 digits with a Luhn check digit", CheckDigits.Luhn),
        ["0009"] = new("French SIRET", Digits(14), "14 digits with a Luhn check digit", CheckDigits.Luhn),
        ["0184"] = new("Danish CVR number", Digits(8), "8 digits"),
        ["0106"] = new("Dutch KvK number", Digits(8), "8 digits"),
        ["0190"] = new("Dutch OIN", Digits(20), "20 digits"),
        ["0060"] = new("DUNS number", Digits(9), "9 digits"),
        ["9914"] = new("Austrian VAT number", Vat("ATU", @"[0-9]{8}"), "ATU and 8 digits"),
        ["9925"] = new("Belgian VAT number", Vat("BE", @"[01][0-9]{9}"), "BE and 10 digits starting with 0 or 1"),
        ["9944"] = new("Dutch VAT number", Vat("NL", @"[0-9]{9}B[0-9]{2}"), "NL, 9 digits, B and 2 digits"),
        ["9957"] = new("French VAT number", Vat("FR", @"[0-9A-HJ-NP-Z]{2}[0-9]{9}"), "FR, 2 characters and 9 digits"),
        ["9920"] = new("Spanish VAT number", Vat("ES", @"[0-9A-Z][0-9]{7}[0-9A-Z]"), "ES and 9 characters"),
        ["0211"] = new("Italian VAT number", Vat("IT", @"[0-9]{11}"), "IT and 11 digits"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every accepted scheme code.</summary>
    public static IEnumerable<string> Known => s_rules.Keys;

    /// <summary>The scheme's name, e.g. "GLN" for 0088.</summary>
    public static string NameOf(string scheme) => s_rules.TryGetValue(scheme, out var rule) ? rule.Name : scheme;

    /// <summary>Null when <paramref name="id"/> is a valid identifier in <paramref name="scheme"/>; otherwise what is wrong.</summary>
    public static string? Check(string scheme, string id)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(id);
        if (!s_rules.TryGetValue(scheme, out var rule))
        {
            return $"scheme '{scheme}' is not a supported electronic address scheme (EAS); expected one of {string.Join(", ", s_rules.Keys.Order(StringComparer.Ordinal))}.";
        }

        if (!rule.Format.IsMatch(id))
        {
            return $"'{id}' is not a {rule.Name} (scheme {scheme}): expected {rule.Expected}.";
        }

        return rule.CheckDigits is null || rule.CheckDigits(id)
            ? null
            : $"'{id}' is not a {rule.Name} (scheme {scheme}): its check digits are wrong (expected {rule.Expected}).";
    }

    private static Regex Digits(int count) => new($"^[0-9]{{{count}}}$", RegexOptions.CultureInvariant);

    private static Regex Vat(string prefix, string rest) => new($"^{prefix}{rest}$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^[01][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex BelgianPattern();

    [GeneratedRegex(@"^[0-9]{2,12}(-[0-9A-Za-z]{1,30})?-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LeitwegPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
