using System.Globalization;

namespace Billing.Core.Matching;

/// <summary>
/// Ranks guesses for a payment no rule matched, so the person deciding starts from the likeliest account. Each
/// piece of evidence adds to an account's score (capped at 1) and says why: the payer IBAN is known for the
/// account (+0.5); the payer name resembles the account's legal name (+0.4 × word similarity); the amount equals
/// one of its open invoices (+0.3); the text quotes a sequence number of one of its invoices (+0.3) or the number of
/// an invoice that is already paid (+0.4). At most <see cref="MaxSuggestions"/> accounts, best first.
/// <para>Every clue looks at no more than <see cref="MaxCandidatesPerClue"/> accounts or invoices, the accounts' name
/// words are computed once (<see cref="AccountSummary.NameTokens"/>), and the reasons are put into words only for the
/// accounts that make the list.</para>
/// </summary>
public sealed class SuggestionRanker(OpenInvoiceIndex index)
{
    public const int MaxSuggestions = 5;
    private const int MaxCandidatesPerClue = 10;

    // Reused by every call (a ranker serves one matcher, one payment at a time); only the suggestions escape.
    private readonly Dictionary<string, Candidate> _candidates = new(StringComparer.Ordinal);
    private readonly List<Candidate> _ranked = [];
    private readonly HashSet<string> _named = new(StringComparer.Ordinal);
    private readonly List<string> _sequences = [];
    private IncomingPayment? _payment;
    private Action<string>? _onKey;

    public IReadOnlyList<MatchSuggestion> Rank(IncomingPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        _candidates.Clear();
        _named.Clear();
        _payment = payment;
        try
        {
            Collect(payment);
            return Best();
        }
        finally
        {
            _payment = null;
            _candidates.Clear();
            _ranked.Clear();
        }
    }

    private void Collect(IncomingPayment payment)
    {
        var iban = Ibans.Normalize(payment.PayerIban);
        if (iban.Length > 0)
        {
            var accounts = index.AccountsPayingFrom(iban);
            for (var i = 0; i < accounts.Count && i < MaxCandidatesPerClue; i++)
            {
                For(accounts[i]).Add(0.5m, new Reason(ReasonKind.Iban, iban));
            }
        }

        var payerTokens = NameTokens.Of(payment.PayerName);
        foreach (var token in payerTokens)
        {
            var accounts = index.AccountsNamed(token);
            for (var i = 0; i < accounts.Count && i < MaxCandidatesPerClue; i++)
            {
                var accountId = accounts[i];
                if (_named.Add(accountId) && index.Account(accountId) is { } account)
                {
                    var similarity = NameTokens.Similarity(payerTokens, account.NameTokens);
                    For(accountId).Add(0.4m * similarity, new Reason(ReasonKind.Name, account.LegalName, Similarity: similarity));
                }
            }
        }

        var sameAmount = index.WithAmount(payment.CurrencyCode, payment.AmountMinor);
        for (int i = 0, taken = 0; i < sameAmount.Count && taken < MaxCandidatesPerClue; i++)
        {
            var invoice = sameAmount[i];
            if (invoice.IsOpen)
            {
                taken++;
                For(invoice.AccountId).Add(0.3m, new Reason(ReasonKind.Amount, invoice.Number), invoice.Number);
            }
        }

        var text = payment.RemittanceInfo ?? "";
        InvoiceNumberKey.Scan(text, null, _onKey ??= key =>
        {
            if (index.Closed(key) is { } closed)
            {
                For(closed.AccountId).Add(0.4m, new Reason(ReasonKind.Closed, closed.Number));
            }
        });
        DigitRuns(text, _sequences);
        foreach (var sequence in _sequences)
        {
            var invoices = index.WithSequence(sequence);
            for (int i = 0, taken = 0; i < invoices.Count && taken < MaxCandidatesPerClue; i++)
            {
                var invoice = invoices[i];
                if (invoice.IsOpen)
                {
                    taken++;
                    For(invoice.AccountId).Add(0.3m, new Reason(ReasonKind.Sequence, invoice.Number, sequence), invoice.Number);
                }
            }
        }
    }

    /// <summary>The accounts with a positive score, best first (ties by id), at most <see cref="MaxSuggestions"/>, in words.</summary>
    private List<MatchSuggestion> Best()
    {
        foreach (var candidate in _candidates.Values)
        {
            if (candidate.Score > 0m)
            {
                _ranked.Add(candidate);
            }
        }

        _ranked.Sort(static (a, b) =>
        {
            var byScore = Math.Min(1m, b.Score).CompareTo(Math.Min(1m, a.Score));
            return byScore != 0 ? byScore : string.CompareOrdinal(a.AccountId, b.AccountId);
        });
        var best = new List<MatchSuggestion>(Math.Min(MaxSuggestions, _ranked.Count));
        for (var i = 0; i < _ranked.Count && i < MaxSuggestions; i++)
        {
            var c = _ranked[i];
            best.Add(new MatchSuggestion(c.AccountId, c.Invoices ?? [], Math.Min(1m, c.Score), Why(c.Reasons)));
        }

        return best;
    }

    private string Why(List<Reason> reasons)
    {
        var payment = _payment!;
        var words = new string[reasons.Count];
        for (var i = 0; i < reasons.Count; i++)
        {
            var r = reasons[i];
            words[i] = r.Kind switch
            {
                ReasonKind.Iban => $"payer IBAN {Ibans.Mask(r.Text)} is known for the account",
                ReasonKind.Name => string.Create(CultureInfo.InvariantCulture, $"payer name '{payment.PayerName}' resembles '{r.Text}' ({r.Similarity:0.00})"),
                ReasonKind.Amount => $"amount equals open invoice {r.Text}",
                ReasonKind.Closed => $"text quotes invoice {r.Text}, which is no longer open",
                _ => $"text contains {r.Sequence}, like invoice {r.Text}",
            };
        }

        return string.Join("; ", words);
    }

    private Candidate For(string accountId)
    {
        if (!_candidates.TryGetValue(accountId, out var candidate))
        {
            candidate = new Candidate(accountId);
            _candidates[accountId] = candidate;
        }

        return candidate;
    }

    /// <summary>Runs of 3 to 12 digits, without leading zeros, each once: candidate invoice sequence numbers.</summary>
    private static void DigitRuns(string text, List<string> runs)
    {
        runs.Clear();
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

            if (i - start is >= 3 and <= 12)
            {
                var sequence = InvoiceNumberKey.TrimSequence(text.AsSpan(start, i - start));
                if (!runs.Contains(sequence))
                {
                    runs.Add(sequence);
                }
            }
        }
    }

    private enum ReasonKind
    {
        Iban,
        Name,
        Amount,
        Closed,
        Sequence,
    }

    /// <summary>Why an account scored, kept as data until the account makes the list.</summary>
    private readonly record struct Reason(ReasonKind Kind, string Text, string? Sequence = null, decimal Similarity = 0m);

    private sealed class Candidate(string accountId)
    {
        public string AccountId { get; } = accountId;

        public decimal Score { get; private set; }

        public List<Reason> Reasons { get; } = new(2);

        public List<string>? Invoices { get; private set; }

        public void Add(decimal score, Reason why, string? invoiceNumber = null)
        {
            Score += score;
            Reasons.Add(why);
            if (invoiceNumber is not null)
            {
                Invoices ??= [];
                if (!Invoices.Contains(invoiceNumber))
                {
                    Invoices.Add(invoiceNumber);
                }
            }
        }
    }
}
