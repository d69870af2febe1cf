using Billing.Core.Matching;
using Billing.Core.Sellers;

namespace Billing.Core.Ingestion;

/// <summary>
/// The company's own bank accounts (<see cref="SellerOptions.Iban"/> plus <see cref="SellerOptions.OwnAccountIbans"/>).
/// A statement account is ours when it is one of these IBANs (spaces and case ignored), or a bare account number
/// (as MT940 :25: or BAI2 give it, "37040044/0532013000" included) that the IBAN's BBAN ends with.
/// </summary>
public sealed class OwnAccounts
{
    private const int MinimumAccountDigits = 6;
    private readonly List<string> _ibans;

    public OwnAccounts(SellerOptions seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        _ibans = seller.OwnAccountIbans.Append(seller.Iban).Select(Ibans.Normalize).Where(i => i.Length > 0).Distinct().ToList();
    }

    /// <summary>The normalised own IBAN the statement account denotes, or null when it is not ours.</summary>
    public string? Resolve(string? iban, string? account)
    {
        foreach (var candidate in new[] { iban, account })
        {
            var normalized = Ibans.Normalize(candidate);
            if (normalized.Length == 0)
            {
                continue;
            }

            foreach (var own in _ibans)
            {
                if (own == normalized || (normalized.Length >= MinimumAccountDigits && Ibans.Bban(own).EndsWith(normalized, StringComparison.Ordinal)))
                {
                    return own;
                }
            }
        }

        return null;
    }
}
