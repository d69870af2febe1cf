using System.Globalization;
using System.Net.Mail;
using Billing.Core.Monetary;

namespace Billing.Core.Accounts;

/// <summary>
/// The field rules of <see cref="AccountImportRules"/> that need nothing but the value: each throws an
/// <see cref="AccountImportException"/> naming the element (<c>at</c>) and what was expected.
/// </summary>
internal static class ImportFieldChecks
{
    public static void Price(Money price, string at)
    {
        var amount = price.Amount;
        if (amount < 0 || amount > AccountImportRules.MaxUnitPrice)
        {
            throw Fail(at, string.Create(CultureInfo.InvariantCulture, $"{amount} is out of range: expected 0 to {AccountImportRules.MaxUnitPrice:N0}."));
        }

        if (decimal.Round(amount, price.Currency.MinorUnits) != amount)
        {
            throw Fail(at, string.Create(CultureInfo.InvariantCulture,
                $"{amount} is finer than the minor unit of {price.Currency.Code}: expected at most {price.Currency.MinorUnits} decimals."));
        }
    }

    public static void Quantity(int quantity, string at)
    {
        if (quantity is < 1 or > AccountImportRules.MaxQuantity)
        {
            throw Fail(at, string.Create(CultureInfo.InvariantCulture, $"{quantity} is out of range: expected 1 to {AccountImportRules.MaxQuantity:N0}."));
        }
    }

    public static void Id(string? id, string at)
    {
        if (id is not { Length: > 0 and <= AccountImportRules.MaxIdLength } || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw Fail(at, $"'{id}' is not an id: expected 1-{AccountImportRules.MaxIdLength} of A-Z a-z 0-9 - _ .");
        }
    }

    public static void Text(string? text, string at, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
        {
            throw Fail(at, $"{(string.IsNullOrWhiteSpace(text) ? "empty" : $"{text.Length} characters long")}: expected 1-{maxLength} characters.");
        }
    }

    public static void OptionalText(string? text, string at, int maxLength)
    {
        if (text is not null)
        {
            Text(text, at, maxLength);
        }
    }

    public static void Emails(IReadOnlyList<string> emails, string at)
    {
        if (emails.Count is 0 or > AccountImportRules.MaxBillingEmails)
        {
            throw Fail(at, $"{emails.Count} addresses: expected 1-{AccountImportRules.MaxBillingEmails}.");
        }

        for (var i = 0; i < emails.Count; i++)
        {
            if (emails[i] is not { Length: <= 254 } email || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email.Trim() || parsed.DisplayName.Length > 0)
            {
                throw Fail($"{at}[{i}]", $"'{emails[i]}' is not an email address: expected e.g. billing@example.com.");
            }
        }
    }

    public static void Address(PostalAddress? address, string at)
    {
        if (address is null)
        {
            throw Fail(at, "missing: expected street, city, postalCode and countryCode.");
        }

        Text(address.Street, $"{at}.street", AccountImportRules.MaxTextLength);
        OptionalText(address.AdditionalLine, $"{at}.additionalLine", AccountImportRules.MaxTextLength);
        Text(address.City, $"{at}.city", AccountImportRules.MaxTextLength);
        if (address.PostalCode is null || address.PostalCode.Length > 20)
        {
            throw Fail($"{at}.postalCode", "expected a postal code of at most 20 characters (\"\" where the country has none).");
        }

        if (!CountryCodes.IsAssigned(address.CountryCode))
        {
            throw Fail($"{at}.countryCode", $"'{address.CountryCode}' is not an ISO 3166-1 alpha-2 country code: expected two upper-case letters such as DE or FR.");
        }
    }

    public static void Unique(Dictionary<string, int> seen, string id, int index, string at, string what, string list)
    {
        if (!seen.TryAdd(id, index))
        {
            throw Fail(at, $"{what} '{id}' appears twice (also {list}[{seen[id]}]): every {what} must be unique.");
        }
    }

    /// <summary>The domain type's own checks, after the import rules: their message is named by <paramref name="at"/>.</summary>
    public static T Safely<T>(string at, Func<T> validate)
    {
        try
        {
            return validate();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw Fail(at, e.Message);
        }
    }

    public static AccountImportException Fail(string at, string message) => new($"{at}: {message}");
}
