using Billing.Core.Catalog;
using Billing.Core.Subscriptions;

namespace Billing.Core.Accounts;

/// <summary>
/// The JSON document <c>billing accounts import</c> reads: plans, and accounts with their subscriptions and
/// one-off charges. Field names are camelCase; money is <c>{"amount":"49.00","currency":"EUR"}</c>; dates are
/// <c>YYYY-MM-DD</c>; enums are camelCase strings (<c>monthly</c>, <c>reverseCharge</c>). See the README.
/// </summary>
public sealed record AccountImportFile
{
    public IReadOnlyList<Plan> Plans { get; init; } = [];

    public IReadOnlyList<ImportedAccount> Accounts { get; init; } = [];
}

/// <summary>An account in an import file, with what it owns.</summary>
public sealed record ImportedAccount
{
    public required Account Account { get; init; }

    public IReadOnlyList<Subscription> Subscriptions { get; init; } = [];

    public IReadOnlyList<OneOffCharge> Charges { get; init; } = [];
}
