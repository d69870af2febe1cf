namespace Billing.Core.Matching;

/// <summary>
/// Decides where an incoming credit goes, trying the rules in this order and stopping at the first that finds
/// open invoices: (1) an ISO 11649 RF reference, structured or in the text, with valid check digits (confidence
/// 1.0 structured, 0.95 in text); (2) invoice numbers in the remittance text (0.9); (3) an end-to-end id this
/// system issued, which is the invoice's RF reference or its number (0.9); (4) a payer IBAN known for exactly one
/// account and an amount equal to one of its open invoices (0.8) or to the sum of at most
/// <see cref="MaxSubsetSize"/> of its oldest open invoices (0.7). Otherwise the payment is parked with
/// suggestions (<see cref="SuggestionRanker"/>).
/// <para>Invoices found are paid oldest first, each in full, until the money runs out (the last one partly); what
/// is left over becomes the account's credit balance. Invoices quoted together must belong to one account and
/// be in the payment's currency: money is never converted and never split across customers automatically.
/// Matching reserves what it allocates on the index, so later entries of the same file see the reduced amounts.
/// Each call is a few dictionary lookups and one pass over the text: linear in the entries, independent of the
/// number of open invoices (except rule 4's bounded search within one account).</para>
/// </summary>
public sealed class PaymentMatcher(OpenInvoiceIndex index)
{
    /// <summary>Rule 4 considers sets of at most this many invoices…</summary>
    public const int MaxSubsetSize = 5;

    /// <summary>…drawn from the account's oldest this-many open invoices.</summary>
    public const int MaxSubsetCandidates = 12;

    private readonly SuggestionRanker _suggestions = new(index);

    // Scratch reused by every call (a matcher serves one ingestion, one entry at a time): the invoices found in the text,
    // the callbacks that add to them, and rule 4's candidates. None of them escapes into a result.
    private readonly List<OpenInvoice> _found = new(4);
    private readonly List<OpenInvoice> _candidates = new(MaxSubsetCandidates);
    private Action<string>? _onRfBody;
    private Action<string>? _onNumberKey;

    public OpenInvoiceIndex Index { get; } = index;

    public MatchResult Match(IncomingPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var found = _found;
        found.Clear();
        var text = payment.RemittanceInfo ?? "";

        // 1. RF creditor reference.
        if (CreditorReferenceScanner.BodyOf(payment.CreditorReference) is { } structured && Index.ByRfBody(structured) is { IsOpen: true } byStructured)
        {
            return Allocate(payment, [byStructured], MatchRule.CreditorReference, 1.0m);
        }

        CreditorReferenceScanner.Scan(text, _onRfBody ??= body => AddDistinct(_found, Index.ByRfBody(body)));
        if (found.Count > 0)
        {
            return Allocate(payment, found, MatchRule.CreditorReference, 0.95m);
        }

        // 2. Invoice numbers in the text.
        InvoiceNumberKey.Scan(text, Index.Prefixes, _onNumberKey ??= key => AddDistinct(_found, Index.ByNumberKey(key)));
        if (found.Count > 0)
        {
            return Allocate(payment, found, MatchRule.InvoiceNumber, 0.9m);
        }

        // 3. End-to-end id issued by this system: the RF reference or the invoice number.
        if (!string.IsNullOrWhiteSpace(payment.EndToEndId))
        {
            var byE2e = CreditorReferenceScanner.BodyOf(payment.EndToEndId) is { } e2eBody
                ? Index.ByRfBody(e2eBody)
                : InvoiceNumberKey.Of(payment.EndToEndId) is { } e2eKey ? Index.ByNumberKey(e2eKey) : null;
            if (byE2e is { IsOpen: true })
            {
                return Allocate(payment, [byE2e], MatchRule.EndToEndId, 0.9m);
            }
        }

        // 4. Known payer IBAN and an amount that fits.
        if (ByPayerAndAmount(payment) is { } byPayer)
        {
            return byPayer;
        }

        return new MatchResult.Parked("No rule matched an open invoice.", _suggestions.Rank(payment));
    }

    private MatchResult Allocate(IncomingPayment payment, List<OpenInvoice> invoices, MatchRule rule, decimal confidence)
    {
        var accountId = invoices[0].AccountId;
        OpenInvoice? other = null;
        foreach (var invoice in invoices)
        {
            if (invoice.AccountId != accountId)
            {
                return new MatchResult.Parked(
                    $"The references name invoices of several accounts ({string.Join(", ", invoices.Select(i => i.Number))}).", _suggestions.Rank(payment));
            }

            if (other is null && invoice.CurrencyCode != payment.CurrencyCode)
            {
                other = invoice;
            }
        }

        if (other is not null)
        {
            return new MatchResult.Parked(
                $"Paid in {payment.CurrencyCode} but invoice {other.Number} is in {other.CurrencyCode}; money is not converted.", _suggestions.Rank(payment));
        }

        invoices.Sort(OpenInvoice.CompareByAge);
        var left = payment.AmountMinor;
        var allocations = new List<(OpenInvoice, long)>(invoices.Count);
        foreach (var invoice in invoices)
        {
            var share = Math.Min(left, invoice.OpenMinor);
            if (share <= 0)
            {
                continue;
            }

            allocations.Add((invoice, share));
            OpenInvoiceIndex.Reserve(invoice, share);
            left -= share;
        }

        return new MatchResult.Matched(rule, confidence, accountId, allocations, left);
    }

    private MatchResult? ByPayerAndAmount(IncomingPayment payment)
    {
        var iban = Ibans.Normalize(payment.PayerIban);
        if (iban.Length == 0)
        {
            return null;
        }

        if (Index.OfSolePayer(iban) is not { } invoices)
        {
            return null;
        }

        var open = _candidates;
        open.Clear();
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            if (invoice.IsOpen && invoice.CurrencyCode == payment.CurrencyCode)
            {
                if (invoice.OpenMinor == payment.AmountMinor)
                {
                    return Allocate(payment, [invoice], MatchRule.PayerIbanAndAmount, 0.8m);
                }

                if (open.Count < MaxSubsetCandidates)
                {
                    open.Add(invoice);
                }
            }
        }

        var subset = SubsetSum.Find(open, payment.AmountMinor, MaxSubsetSize);
        return subset is null ? null : Allocate(payment, subset, MatchRule.PayerIbanAndAmount, 0.7m);
    }

    private static void AddDistinct(List<OpenInvoice> found, OpenInvoice? invoice)
    {
        if (invoice is not null && invoice.IsOpen && !found.Contains(invoice))
        {
            found.Add(invoice);
        }
    }
}
