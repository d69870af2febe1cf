namespace Billing.Core.Accounts;

/// <summary>
/// The rules every account import file is held to, in one place (the README's import section lists them).
/// They keep out what would break billing later or be silently wrong: a typo in a date that would bill decades,
/// a price finer than the currency can pay, a payment term no invoice can fall due by, an id given twice.
/// <list type="bullet">
/// <item>The file is at most <see cref="MaxFileBytes"/>; no single JSON value is longer than <see cref="MaxValueBytes"/>.</item>
/// <item>Both top-level arrays <c>plans</c> and <c>accounts</c> are present (either may be empty); unknown fields are refused.</item>
/// <item>Ids (plans, accounts, subscriptions, charges) are 1–<see cref="MaxIdLength"/> of <c>A-Z a-z 0-9 - _ .</c>; plan
/// and account ids are unique in the file, subscription and charge ids unique within their account.</item>
/// <item>Prices are 0–<see cref="MaxUnitPrice"/> with no more decimals than the currency's minor unit (49.001 EUR is refused);
/// quantities are 1–<see cref="MaxQuantity"/> (a charge's may be fractional, at most <see cref="MaxChargeQuantityDecimals"/> decimals).</item>
/// <item>Payment terms are 0–<see cref="MaxPaymentTermsDays"/> days; countries are ISO 3166-1 alpha-2
/// (<see cref="CountryCodes"/>); currencies are the ISO 4217 currencies the system knows.</item>
/// <item>Dates are on or after <see cref="EarliestDate"/> and at most <see cref="MaxYearsAhead"/> years after today
/// (an end date may be as late as <see cref="LatestEndDate"/>); a new subscription (or one whose start moves earlier)
/// may not start so far back that the next run would issue more than <see cref="MaxBackInvoices"/> back invoices for it.</item>
/// <item>Names, streets and other texts are at most <see cref="MaxTextLength"/> characters, descriptions
/// <see cref="MaxDescriptionLength"/>; an account has 1–<see cref="MaxBillingEmails"/> billing emails.</item>
/// </list>
/// </summary>
public static class AccountImportRules
{
    public const long MaxFileBytes = 32 * 1024 * 1024;

    public const int MaxValueBytes = 16 * 1024;

    public const int MaxIdLength = 64;

    public const decimal MaxUnitPrice = 100_000_000m;

    public const int MaxQuantity = 100_000;

    public const int MaxChargeQuantityDecimals = 4;

    public const int MaxPaymentTermsDays = 365;

    public const int MaxYearsAhead = 5;

    public const int MaxBackInvoices = 36;

    public const int MaxTextLength = 200;

    public const int MaxDescriptionLength = 1_000;

    public const int MaxBillingEmails = 10;

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestEndDate = new(2099, 12, 31);

    /// <summary>The latest start, change or charge date accepted on <paramref name="today"/>.</summary>
    public static DateOnly LatestDate(DateOnly today) => today.AddYears(MaxYearsAhead);
}
