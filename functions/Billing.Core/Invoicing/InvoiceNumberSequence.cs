using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// Assigns gapless invoice numbers (<c>INV-2026-000123</c>) when invoices are finalised, safely under retries
/// and concurrent workers, with nothing but ETag-conditional writes (no transactions, which Cosmos DB offers
/// only within one partition).
/// <para>How: a series document holds the next number and the last reservation (invoice id + number). To
/// number an invoice, a worker (1) reads the invoice and stops if it already has a number; (2) reads the
/// series and, if it holds a reservation, first writes that number onto its invoice (if that invoice has none
/// yet): every reservation is completed before it is replaced, whoever made it; (3) re-reads its own invoice
/// (step 2 may just have numbered it); (4) replaces the series with next + 1 and a reservation for its invoice,
/// conditional on the ETag read in step 2 — on a conflict it starts over; (5) writes the number onto its
/// invoice. A number exists only as a reservation tied to an invoice that already exists as a draft, and a
/// reservation is always completed before the next one is made, so no number is skipped or used twice; an
/// invoice is only reserved for when it has no number, and the series ETag serialises reservations, so no
/// invoice gets two numbers.</para>
/// </summary>
public sealed class InvoiceNumberSequence(IDocumentStore store, TimeProvider time)
{
    private const int MaxAttempts = 100;

    /// <summary>Numbers the draft invoice in <paramref name="series"/> and opens it; returns the numbered invoice.
    /// Calling it again for an invoice that has a number returns that invoice unchanged.</summary>
    public async Task<Stored<Invoice>> FinalizeAsync(string accountId, string invoiceId, string series, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var invoice = await ReadInvoiceAsync(accountId, invoiceId, cancellationToken);
            if (invoice.Value.Number is not null)
            {
                return invoice;
            }

            var sequence = await ReadOrCreateSequenceAsync(series, cancellationToken);
            if (sequence.Value.Pending is { } pending)
            {
                await CompleteAsync(pending, cancellationToken);
                invoice = await ReadInvoiceAsync(accountId, invoiceId, cancellationToken);
                if (invoice.Value.Number is not null)
                {
                    return invoice;
                }
            }

            var number = sequence.Value.Next;
            var reservation = new PendingNumber(accountId, invoiceId, number, Format(series, number));
            try
            {
                await store.ReplaceAsync(series, series, sequence.Value with { Next = number + 1, Pending = reservation }, sequence.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            return await CompleteAsync(reservation, cancellationToken);
        }

        throw new InvalidOperationException($"Could not number invoice {invoiceId} in series {series}: the series stayed contended for {MaxAttempts} attempts.");
    }

    /// <summary>The printed number: series, dash, six or more digits.</summary>
    public static string Format(string series, long number) => $"{series}-{number:D6}";

    private async Task<Stored<Invoice>> CompleteAsync(PendingNumber reservation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var invoice = await ReadInvoiceAsync(reservation.AccountId, reservation.InvoiceId, cancellationToken);
            if (invoice.Value.Number is not null)
            {
                return invoice;
            }

            var numbered = invoice.Value with
            {
                Number = reservation.FormattedNumber,
                Status = invoice.Value.GrossTotal.IsZero ? InvoiceStatus.Paid : InvoiceStatus.Open,
                CreditorReference = CreditorReference.Create(reservation.FormattedNumber),
                FinalizedAt = time.GetUtcNow(),
            };
            try
            {
                return await store.ReplaceAsync(reservation.AccountId, reservation.InvoiceId, numbered, invoice.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone else changed the invoice (perhaps numbered it with this very reservation): look again.
            }
        }
    }

    private async Task<Stored<Invoice>> ReadInvoiceAsync(string accountId, string invoiceId, CancellationToken cancellationToken) =>
        await store.ReadAsync<Invoice>(accountId, invoiceId, cancellationToken)
        ?? throw new InvalidOperationException($"Invoice {invoiceId} of account {accountId} does not exist; only stored drafts can be numbered.");

    private async Task<Stored<InvoiceSequence>> ReadOrCreateSequenceAsync(string series, CancellationToken cancellationToken) =>
        await store.ReadAsync<InvoiceSequence>(series, series, cancellationToken)
        ?? await store.TryCreateAsync(series, series, new InvoiceSequence { Series = series }, cancellationToken)
        ?? await store.ReadAsync<InvoiceSequence>(series, series, cancellationToken)
        ?? throw new InvalidOperationException($"Series {series} vanished while it was being created.");
}
