using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// Finds the payment a return takes back: first by a reference the return quotes (end-to-end id, entry reference,
/// NACHA individual id or original trace number) equal to the payment's end-to-end id, bank reference or creditor
/// reference; else by the same amount and currency from the same payer IBAN (or, without one, the same payer name),
/// booked on or before the return, newest first. Payments already returned are never chosen. The payments are
/// loaded once, on the first return of an ingestion.
/// </summary>
public sealed class ReturnedPaymentFinder(IDocumentStore store)
{
    private Dictionary<string, List<Payment>>? _byReference;
    private List<Payment>? _all;

    public async Task<Payment?> FindAsync(
        IReadOnlyList<string> references, long amountMinor, string currency, string? payerIban, string? payerName, DateOnly returnedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        await LoadAsync(cancellationToken);
        bool Eligible(Payment p) => p.Status is PaymentStatus.Applied or PaymentStatus.Parked && !p.IsReturn && p.Amount.Currency.Code == currency;
        foreach (var reference in references)
        {
            if (_byReference!.TryGetValue(reference, out var list) && list.Find(Eligible) is { } byReference)
            {
                return byReference;
            }
        }

        var iban = Ibans.Normalize(payerIban);
        return _all!
            .Where(p => Eligible(p) && p.Amount.ToMinorUnits() == amountMinor && p.BookingDate <= returnedOn)
            .Where(p => iban.Length > 0 ? Ibans.Normalize(p.PayerIban) == iban : payerName is not null && string.Equals(p.PayerName, payerName, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.BookingDate).ThenBy(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Forgets a payment once it is returned, so a second return does not pick it again.</summary>
    public void MarkReturned(string paymentId)
    {
        _all?.RemoveAll(p => p.Id == paymentId);
        if (_byReference is not null)
        {
            foreach (var list in _byReference.Values)
            {
                list.RemoveAll(p => p.Id == paymentId);
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_all is not null)
        {
            return;
        }

        _all = [];
        _byReference = new Dictionary<string, List<Payment>>(StringComparer.Ordinal);
        await foreach (var stored in store.QueryAllAsync<Payment>(cancellationToken))
        {
            var payment = stored.Value;
            _all.Add(payment);
            foreach (var reference in new[] { payment.EndToEndId, payment.BankReference, payment.CreditorReference })
            {
                if (!string.IsNullOrWhiteSpace(reference))
                {
                    if (!_byReference.TryGetValue(reference.Trim(), out var list))
                    {
                        list = [];
                        _byReference[reference.Trim()] = list;
                    }

                    list.Add(payment);
                }
            }
        }
    }
}
