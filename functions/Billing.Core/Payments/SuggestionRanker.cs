using System.Globalization;

namespace Billing.Core.Payments;

/// <summary>
/// Ranks guesses for a payment no rule matched, so the person deciding starts from the likeliest account. Each
/// piece of evidence adds to an account's score (capped at 1) and says why: the payer IBAN is known for the
/// account (+0.5); the payer name resembles the account's legal name (+0.4 × word similarity); the amount equals
/// one of its open invoices (+0.3); the text quotes a sequence number of one of its invoices (+0.3) or the number of
/// an invoice that is already paid (+0.4). At most <see cref="MaxSuggestions"/> accounts, best first.
/// </summary>
public sealed class SuggestionRanker(OpenInvoiceIndex index)
{
    public const int MaxSuggestions = 5;
    private const int MaxCandidatesPerClue = 10;

    public IReadOnlyList<MatchSuggestion> Rank(IncomingPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        Candidate For(string accountId)
        {
            if (!candidates.TryGetValue(accountId, out var candidate))
            {
                candidate = new Candidate();
                candidates[accountId] = candidate;
            }

            return candidate;
        }

        var iban = Ibans.Normalize(payment.PayerIban);
        if (iban.Length > 0)
        {
            foreach (var accountId in index.AccountsPayingFrom(iban).Take(MaxCandidatesPerClue))
            {
                For(accountId).Add(0.5m, $"payer IBAN {Ibans.Mask(iban)} is known for the account");
            }
        }

        var payerTokens = NameTokens.Of(payment.PayerName);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in payerTokens)
        {
            foreach (var accountId in index.AccountsNamed(token).Take(MaxCandidatesPerClue))
            {
                if (named.Add(accountId) && index.Account(accountId) is { } account)
                {
                    var similarity = NameTokens.Similarity(payerTokens, account.NameTokens);
                    For(accountId).Add(0.4m * similarity, string.Create(CultureInfo.InvariantCulture,
                        $"payer name '{payment.PayerName}' resembles '{account.LegalName}' ({similarity:0.00})"));
                }
            }
        }

        foreach (var invoice in index.WithAmount(payment.CurrencyCode, payment.AmountMinor).Where(i => i.IsOpen).Take(MaxCandidatesPerClue))
        {
            For(invoice.AccountId).Add(0.3m, $"amount equals open invoice {invoice.Number}", invoice.Number);
        }

        var text = payment.RemittanceInfo ?? "";
        InvoiceNumberKey.Scan(text, null, key =>
        {
            if (index.Closed(key) is { } closed)
            {
                For(closed.AccountId).Add(0.4m, $"text quotes invoice {closed.Number}, which is no longer open");
            }
        });
        foreach (var sequence in DigitRuns(text))
        {
            foreach (var invoice in index.WithSequence(sequence).Where(i => i.IsOpen).Take(MaxCandidatesPerClue))
            {
                For(invoice.AccountId).Add(0.3m, $"text contains {sequence}, like invoice {invoice.Number}", invoice.Number);
            }
        }

        return candidates
            .Select(c => new MatchSuggestion(c.Key, c.Value.Invoices, Math.Min(1m, c.Value.Score), string.Join("; ", c.Value.Why)))
            .Where(s => s.Score > 0m)
            .OrderByDescending(s => s.Score).ThenBy(s => s.AccountId, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
    }

    /// <summary>Runs of 3 to 12 digits, without leading zeros: candidate invoice sequence numbers.</summary>
    private static IEnumerable<string> DigitRuns(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i - start is >= 3 and <= 12 && seen.Add(InvoiceNumberKey.TrimSequence(text.AsSpan(start, i - start))))
            {
                yield return InvoiceNumberKey.TrimSequence(text.AsSpan(start, i - start));
            }
        }
    }

    private sealed class Candidate
    {
        public decimal Score { get; private set; }

        public List<string> Why { get; } = [];

        public List<string> Invoices { get; } = [];

        public void Add(decimal score, string why, string? invoiceNumber = null)
        {
            Score += score;
            Why.Add(why);
            if (invoiceNumber is not null && !Invoices.Contains(invoiceNumber))
            {
                Invoices.Add(invoiceNumber);
            }
        }
    }
}
