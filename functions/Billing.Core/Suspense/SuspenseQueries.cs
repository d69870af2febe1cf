using Billing.Core.Payments;
using Billing.Core.Storage;

namespace Billing.Core.Suspense;

/// <summary>The parked payments waiting for a person (<c>billing suspense list</c>), oldest first, with their suggestions.</summary>
public sealed class SuspenseQueries(IDocumentStore store)
{
    public async Task<IReadOnlyList<Payment>> ListAsync(CancellationToken cancellationToken = default)
    {
        var parked = new List<Payment>();
        await foreach (var payment in store.QueryPartitionAsync<Payment>(Payment.SuspensePartition, cancellationToken))
        {
            if (payment.Value.Status == PaymentStatus.Parked)
            {
                parked.Add(payment.Value);
            }
        }

        return parked.OrderBy(p => p.BookingDate).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }
}
