namespace Billing.Core.Matching;

/// <summary>
/// A bounded search for invoices whose open amounts add up exactly to a payment: at most a few invoices out of
/// the account's oldest, tried in order so that, of the sets that fit, the one with the oldest invoices wins
/// (lexicographic by age). The search space is at most C(12,1)+…+C(12,5) = 1,586 sets.
/// </summary>
internal static class SubsetSum
{
    public static List<OpenInvoice>? Find(List<OpenInvoice> oldestFirst, long target, int maxSize)
    {
        if (oldestFirst.Count < 2 || target <= 0)
        {
            return null;
        }

        var chosen = new List<OpenInvoice>(maxSize);
        return Search(oldestFirst, 0, target, maxSize, chosen) ? chosen : null;
    }

    private static bool Search(List<OpenInvoice> candidates, int start, long remaining, int slots, List<OpenInvoice> chosen)
    {
        for (var i = start; i < candidates.Count; i++)
        {
            var amount = candidates[i].OpenMinor;
            if (amount > remaining)
            {
                continue;
            }

            chosen.Add(candidates[i]);
            if (amount == remaining ? chosen.Count >= 2 : slots > 1 && Search(candidates, i + 1, remaining - amount, slots - 1, chosen))
            {
                return true;
            }

            chosen.RemoveAt(chosen.Count - 1);
        }

        return false;
    }
}
