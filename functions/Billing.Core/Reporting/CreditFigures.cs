using Billing.Core.Payments;

namespace Billing.Core.Reporting;

/// <summary>
/// Account credit balances (overpayments, credit notes) per currency, as they stand: a balance records no dates, so it
/// has no age and is the same in every snapshot taken after it changed.
/// </summary>
internal sealed class CreditFigures(ReportOptions options)
{
    public Dictionary<string, decimal> Total { get; } = [];

    public Dictionary<string, long> Count { get; } = [];

    private static readonly IComparer<(string AccountId, decimal Balance)> s_byBalance = Comparer<(string AccountId, decimal Balance)>.Create((a, b) =>
    {
        var byAmount = a.Balance.CompareTo(b.Balance);
        return byAmount != 0 ? byAmount : string.CompareOrdinal(b.AccountId, a.AccountId);
    });

    /// <summary>The largest balances of each currency.</summary>
    public Dictionary<string, BoundedTop<(string AccountId, decimal Balance)>> Largest { get; } = [];

    public void Add(AccountCredit credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        if (!credit.Balance.IsPositive)
        {
            return;
        }

        var currency = credit.Balance.Currency.Code;
        Total.AddTo(currency, credit.Balance.Amount);
        Count.AddTo(currency, 1);
        if (!Largest.TryGetValue(currency, out var largest))
        {
            largest = new BoundedTop<(string AccountId, decimal Balance)>(options.TopCount, s_byBalance);
            Largest[currency] = largest;
        }

        largest.Offer((credit.AccountId, credit.Balance.Amount));
    }
}
