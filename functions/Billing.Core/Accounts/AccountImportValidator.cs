using System.Globalization;
using Billing.Core.Catalog;
using Billing.Core.Issuing;
using Billing.Core.Subscriptions;
using static Billing.Core.Accounts.ImportFieldChecks;

namespace Billing.Core.Accounts;

/// <summary>
/// Holds an import file to <see cref="AccountImportRules"/> before anything is written. The first broken rule ends
/// validation with an <see cref="AccountImportException"/> naming the element as the file spells it
/// (<c>accounts[1].subscriptions[0].startDate</c>), the value and what was expected.
/// </summary>
internal sealed class AccountImportValidator(DateOnly today, IReadOnlyDictionary<string, Plan> storedPlans, AccountImportValidator.StoredStart storedStart)
{
    /// <summary>The start date of a subscription already stored, or null when it is new.</summary>
    public delegate Task<DateOnly?> StoredStart(string accountId, string subscriptionId, CancellationToken cancellationToken);

    private readonly Dictionary<string, Plan> _plans = new(storedPlans, StringComparer.Ordinal);

    public async Task ValidateAsync(AccountImportFile file, CancellationToken cancellationToken)
    {
        if (file.Plans is null || file.Accounts is null)
        {
            throw new AccountImportException("the file needs both a 'plans' and an 'accounts' array (either may be empty).");
        }

        var planIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < file.Plans.Count; i++)
        {
            var plan = ValidatePlan(file.Plans[i], $"plans[{i}]");
            Unique(planIds, plan.Id, i, $"plans[{i}].id", "plan id", "plans");
            _plans[plan.Id] = plan;
        }

        var accountIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < file.Accounts.Count; i++)
        {
            var where = $"accounts[{i}]";
            var imported = file.Accounts[i] ?? throw Fail(where, "null is not an account: expected {\"account\": {...}, \"subscriptions\": [...]}.");
            var account = ValidateAccount(imported.Account, $"{where}.account");
            Unique(accountIds, account.Id, i, $"{where}.account.id", "account id", "accounts");
            var subscriptionIds = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var s = 0; s < imported.Subscriptions.Count; s++)
            {
                var at = $"{where}.subscriptions[{s}]";
                var subscription = ValidateSubscription(imported.Subscriptions[s], account, at);
                Unique(subscriptionIds, subscription.Id, s, $"{at}.id", "subscription id", $"{where}.subscriptions");
                await CheckBackInvoicesAsync(subscription, at, cancellationToken).ConfigureAwait(false);
            }

            var chargeIds = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < imported.Charges.Count; c++)
            {
                var charge = ValidateCharge(imported.Charges[c], account, $"{where}.charges[{c}]");
                Unique(chargeIds, charge.Id, c, $"{where}.charges[{c}].id", "charge id", $"{where}.charges");
            }
        }
    }

    private static Plan ValidatePlan(Plan? plan, string at)
    {
        if (plan is null)
        {
            throw Fail(at, "null is not a plan.");
        }

        Id(plan.Id, $"{at}.id");
        Text(plan.Name, $"{at}.name", AccountImportRules.MaxTextLength);
        if (!Enum.IsDefined(plan.Interval))
        {
            throw Fail($"{at}.interval", $"'{plan.Interval}' is not an interval: expected monthly, quarterly or yearly.");
        }

        Price(plan.UnitPrice, $"{at}.unitPrice.amount");
        return Safely(at, plan.Validated);
    }

    /// <summary>The account's fields; a new field's rule goes here, beside the others.</summary>
    private Account ValidateAccount(Account? account, string at)
    {
        if (account is null)
        {
            throw Fail(at, "missing: expected the account's fields.");
        }

        Id(account.Id, $"{at}.id");
        Text(account.LegalName, $"{at}.legalName", AccountImportRules.MaxTextLength);
        Emails(account.BillingEmails, $"{at}.billingEmails");
        Address(account.Address, $"{at}.address");
        if (account.PaymentTermsDays is < 0 or > AccountImportRules.MaxPaymentTermsDays)
        {
            throw Fail($"{at}.paymentTermsDays", $"{account.PaymentTermsDays} is out of range: expected 0-{AccountImportRules.MaxPaymentTermsDays} days.");
        }

        if (!Enum.IsDefined(account.TaxTreatment))
        {
            throw Fail($"{at}.taxTreatment", $"'{account.TaxTreatment}' is not a tax treatment: expected domestic, reverseCharge or exempt.");
        }

        OptionalText(account.VatId, $"{at}.vatId", AccountImportRules.MaxIdLength);
        OptionalText(account.TaxExemptionReason, $"{at}.taxExemptionReason", AccountImportRules.MaxTextLength);
        if (account.Language is not { Length: 2 } language || !language.All(char.IsAsciiLetterLower))
        {
            throw Fail($"{at}.language", $"'{account.Language}' is not an ISO 639-1 language code: expected two lower-case letters such as \"en\" or \"de\".");
        }

        Text(account.DunningPolicy, $"{at}.dunningPolicy", AccountImportRules.MaxIdLength);
        for (var i = 0; i < account.KnownPayerIbans.Count; i++)
        {
            if (!IbanFormat.IsValid(account.KnownPayerIbans[i]))
            {
                throw Fail($"{at}.knownPayerIbans[{i}]", $"'{account.KnownPayerIbans[i]}' is not an IBAN (country, check digits, 11-30 letters or digits; mod-97 check).");
            }
        }

        Safely($"{at}.electronicAddress", () => account.ElectronicAddress?.Validated());
        return Safely(at, account.Validated);
    }

    private Subscription ValidateSubscription(Subscription? subscription, Account account, string at)
    {
        if (subscription is null)
        {
            throw Fail(at, "null is not a subscription.");
        }

        OwnedBy(account, subscription.Id, subscription.AccountId, at);

        Quantity(subscription.Quantity, $"{at}.quantity");
        Date(subscription.StartDate, $"{at}.startDate");
        if (subscription.EndDate is { } end && (end < AccountImportRules.EarliestDate || end > AccountImportRules.LatestEndDate))
        {
            throw Fail($"{at}.endDate", $"{end:yyyy-MM-dd} is out of range: expected {AccountImportRules.EarliestDate:yyyy-MM-dd} to {AccountImportRules.LatestEndDate:yyyy-MM-dd}.");
        }

        PlanFor(subscription.PlanId, account, $"{at}.planId");
        for (var c = 0; c < subscription.Changes.Count; c++)
        {
            var change = subscription.Changes[c] ?? throw Fail($"{at}.changes[{c}]", "null is not a change.");
            Date(change.EffectiveDate, $"{at}.changes[{c}].effectiveDate");
            if (change.Quantity is { } quantity)
            {
                Quantity(quantity, $"{at}.changes[{c}].quantity");
            }

            if (change.PlanId is { } planId)
            {
                PlanFor(planId, account, $"{at}.changes[{c}].planId");
            }
        }

        Safely(at, subscription.Validated);
        return Safely(at, () =>
        {
            _ = AccountBiller.AllCharges([subscription], [], _plans, subscription.StartDate).ToList();
            return subscription;
        });
    }

    /// <summary>A new subscription, or one whose start moves earlier, would be billed for every period up to today on the next run.</summary>
    private async Task CheckBackInvoicesAsync(Subscription subscription, string at, CancellationToken cancellationToken)
    {
        var stored = await storedStart(subscription.AccountId, subscription.Id, cancellationToken).ConfigureAwait(false);
        if (stored is { } before && before <= subscription.StartDate)
        {
            return;
        }

        var months = (int)_plans[subscription.PlanId].Interval;
        var lastDay = subscription.EndDate is { } end && end <= today ? end.AddDays(-1) : today;
        if (lastDay < subscription.StartDate)
        {
            return;
        }

        var periods = BillingPeriod.Containing(subscription.StartDate, months, lastDay).Index + 1;
        if (periods > AccountImportRules.MaxBackInvoices)
        {
            throw Fail($"{at}.startDate", string.Create(CultureInfo.InvariantCulture,
                $"{subscription.StartDate:yyyy-MM-dd} would make the next billing run issue {periods} back invoices for this subscription "
                + $"(one per {_plans[subscription.PlanId].Interval.ToString().ToLowerInvariant()} period from {subscription.StartDate:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}); "
                + $"at most {AccountImportRules.MaxBackInvoices} are allowed: check the date, or import the subscription with a later start."));
        }
    }

    private OneOffCharge ValidateCharge(OneOffCharge? charge, Account account, string at)
    {
        if (charge is null)
        {
            throw Fail(at, "null is not a charge.");
        }

        OwnedBy(account, charge.Id, charge.AccountId, at);

        Date(charge.Date, $"{at}.date");
        Text(charge.Description, $"{at}.description", AccountImportRules.MaxDescriptionLength);
        if (charge.Quantity <= 0 || charge.Quantity > AccountImportRules.MaxQuantity || decimal.Round(charge.Quantity, AccountImportRules.MaxChargeQuantityDecimals) != charge.Quantity)
        {
            throw Fail($"{at}.quantity", string.Create(CultureInfo.InvariantCulture,
                $"{charge.Quantity} is out of range: expected more than 0 and at most {AccountImportRules.MaxQuantity:N0}, with at most {AccountImportRules.MaxChargeQuantityDecimals} decimals."));
        }

        if (charge.UnitPrice.Currency != account.Currency)
        {
            throw Fail($"{at}.unitPrice.currency", $"{charge.UnitPrice.Currency.Code} is not the account's currency ({account.Currency.Code}).");
        }

        Price(charge.UnitPrice, $"{at}.unitPrice.amount");
        return charge;
    }

    /// <summary>A subscription's or charge's own id, and the enclosing account as its owner.</summary>
    private static void OwnedBy(Account account, string? id, string? accountId, string at)
    {
        Id(id, $"{at}.id");
        if (accountId != account.Id)
        {
            throw Fail($"{at}.accountId", $"'{accountId}' must be the enclosing account '{account.Id}'.");
        }
    }

    private void PlanFor(string? planId, Account account, string at)
    {
        if (planId is null || !_plans.TryGetValue(planId, out var plan))
        {
            throw Fail(at, $"plan '{planId}' does not exist (neither in this file nor stored).");
        }

        if (plan.UnitPrice.Currency != account.Currency)
        {
            throw Fail(at, $"plan '{planId}' is priced in {plan.UnitPrice.Currency.Code} but the account is billed in {account.Currency.Code}.");
        }
    }

    private void Date(DateOnly date, string at)
    {
        var latest = AccountImportRules.LatestDate(today);
        if (date < AccountImportRules.EarliestDate || date > latest)
        {
            throw Fail(at, $"{date:yyyy-MM-dd} is out of range: expected {AccountImportRules.EarliestDate:yyyy-MM-dd} to {latest:yyyy-MM-dd} (today + {AccountImportRules.MaxYearsAhead} years).");
        }
    }
}
