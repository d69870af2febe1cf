using Billing.Core.Matching;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// Finds the payment a return takes back: first by a reference the return quotes (end-to-end id, entry reference,
/// NACHA individual id or original trace number) equal to the payment's end-to-end id, bank reference or creditor
/// reference; else by the same amount and currency from the same payer IBAN (or, without one, the same payer name),
/// booked on or before the return and at most <see cref="FallbackWindowDays"/> days before it, newest first. Payments
/// already returned are never chosen. Every read is an index-backed query (the reference indexes; the booking-date
/// index for the window, read once per return date and ingestion), so the cost does not grow with the payments
/// ever stored.
/// </summary>
public sealed class ReturnedPaymentFinder(IDocumentStore store)
{
    private ReturnedPaymentFinder(IDocumentStore store, ReturnedPaymentFinder remembered)
        : this(store)
    {
        _windows = remembered._windows;
        _returned = remembered._returned;
    }

    /// <summary>How far back a return without a usable reference is looked for: SEPA's eight-week refund right, plus a margin.</summary>
    public const int FallbackWindowDays = 62;

    private static readonly string[] s_referenceProperties = ["endToEndId", "bankReference", "creditorReference"];
    private readonly Dictionary<DateOnly, List<Payment>> _windows = [];
    private readonly HashSet<string> _returned = new(StringComparer.Ordinal);

    public async Task<Payment?> FindAsync(
        IReadOnlyList<string> references, long amountMinor, string currency, string? payerIban, string? payerName, DateOnly returnedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        bool Eligible(Payment p) =>
            p.Status is PaymentStatus.Applied or PaymentStatus.Parked && !p.IsReturn && p.Amount.Currency.Code == currency && !_returned.Contains(p.Id);
        var quoted = references.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (quoted.Length > 0)
        {
            var byReference = await ByReferenceAsync(quoted, cancellationToken);
            foreach (var reference in quoted)
            {
                if (byReference.TryGetValue(reference, out var list) && list.Find(Eligible) is { } found)
                {
                    return found;
                }
            }
        }

        var iban = Ibans.Normalize(payerIban);
        return (await WindowAsync(returnedOn, cancellationToken))
            .Where(p => Eligible(p) && p.Amount.ToMinorUnits() == amountMinor)
            .Where(p => iban.Length > 0 ? Ibans.Normalize(p.PayerIban) == iban : payerName is not null && string.Equals(p.PayerName, payerName, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.BookingDate).ThenBy(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>
    /// This finder reading through <paramref name="reads"/> instead (a write batch's store, which sees the batch's own
    /// payments), remembering what this one read and which payments were returned.
    /// </summary>
    public ReturnedPaymentFinder ReadingFrom(IDocumentStore reads)
    {
        ArgumentNullException.ThrowIfNull(reads);
        return ReferenceEquals(reads, store) ? this : new ReturnedPaymentFinder(reads, this);
    }

    /// <summary>Forgets a payment once it is returned, so a second return does not pick it again.</summary>
    public void MarkReturned(string paymentId) => _returned.Add(paymentId);

    /// <summary>The payments carrying one of <paramref name="references"/> as end-to-end id, bank or creditor reference.</summary>
    private async Task<Dictionary<string, List<Payment>>> ByReferenceAsync(string[] references, CancellationToken cancellationToken)
    {
        var wanted = references.ToHashSet(StringComparer.Ordinal);
        var byReference = new Dictionary<string, List<Payment>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in s_referenceProperties)
        {
            await foreach (var stored in store.QueryAsync<Payment>(DocumentQuery.Across(DocumentFilter.In(property, references)), cancellationToken))
            {
                var payment = stored.Value;
                if (!seen.Add(payment.Id))
                {
                    continue;
                }

                foreach (var reference in new[] { payment.EndToEndId, payment.BankReference, payment.CreditorReference })
                {
                    if (reference?.Trim() is { Length: > 0 } trimmed && wanted.Contains(trimmed))
                    {
                        if (!byReference.TryGetValue(trimmed, out var list))
                        {
                            list = [];
                            byReference[trimmed] = list;
                        }

                        list.Add(payment);
                    }
                }
            }
        }

        foreach (var list in byReference.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }

        return byReference;
    }

    /// <summary>The payments booked in the <see cref="FallbackWindowDays"/> days up to <paramref name="returnedOn"/>.</summary>
    private async Task<List<Payment>> WindowAsync(DateOnly returnedOn, CancellationToken cancellationToken)
    {
        if (_windows.TryGetValue(returnedOn, out var window))
        {
            return window;
        }

        window = [];
        var query = DocumentQuery.Across(DocumentFilter.AtLeast("bookingDate", Wire(returnedOn.AddDays(-FallbackWindowDays))))
            .Where(DocumentFilter.AtMost("bookingDate", Wire(returnedOn)));
        await foreach (var stored in store.QueryAsync<Payment>(query, cancellationToken))
        {
            window.Add(stored.Value);
        }

        _windows[returnedOn] = window;
        return window;
    }

    private static string Wire(DateOnly date) => Invoicing.InvoiceQueries.Wire(date);
}
