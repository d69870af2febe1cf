using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// Assigns gapless invoice numbers (<c>INV-2026-000123</c>) when invoices are finalised, safely under retries and
/// any number of concurrent workers, with nothing but create-if-absent and ETag-conditional writes (no transactions,
/// which Cosmos DB offers only within one partition), and in blocks: one write of the series document hands out
/// numbers to every draft that is waiting, so the series is written once per block, not once per invoice, and no
/// worker ever waits for another.
/// <para>How. A draft asks by creating its <see cref="NumberRequest"/> (waiting) in the series' partition. The series
/// document (<see cref="InvoiceSequence"/>) holds the next number and the reserved numbers not yet known to be
/// written (<see cref="InvoiceSequence.Block"/>). A worker loops: (1) it reads the series; if a reserved number is its
/// draft's, it completes it and is done; (2) otherwise it queries the waiting requests (one single-partition query on
/// the <c>state</c> index); if its own is not among them its invoice has its number and it is done; (3) it writes the
/// series, conditional on the ETag read in (1): the reserved numbers whose request still waits stay (carried over),
/// those whose request is numbered are dropped, and every waiting request not yet reserved gets the next number
/// (oldest first, up to <see cref="MaxBlockSize"/> reserved in all); on a conflict another worker reserved: it starts
/// again; (4) it completes the numbers carried over <see cref="CompleteAfterCarryOvers"/> times (their workers are
/// probably dead) and its own. Completing writes the number onto the invoice if it has none (ETag-conditional), then
/// marks the request numbered.</para>
/// <para>Why it holds. Invariant: a request that waits while its invoice has a number is reserved in the series (a
/// number is written only from a reservation, and a reservation is dropped only once its request is seen numbered,
/// which happens after the write). Unique: numbers come from next under the series' ETag, and each write advances next
/// past the numbers it hands out. One number per invoice: a request is created once and never deleted (a late
/// duplicate of the draft cannot ask again), and a waiting request that is already reserved is never reserved again,
/// so by the invariant only invoices without a number get one; a completion that finds another number on the invoice
/// refuses loudly. Gapless, nothing lost to a crash: every number handed out is reserved for a stored draft and stays
/// reserved until it is written; whoever dies, its draft's retry, or the reserver that carries it over
/// <see cref="CompleteAfterCarryOvers"/> times, writes it. The argument assumes that a read sees every write
/// acknowledged before it (SQLite; Cosmos DB within one region at the consistency the account gives), as the
/// conditional writes it relies on do.</para>
/// <para>Bounded: a worker makes at most <see cref="MaxRounds"/> rounds (each lost round means another worker reserved),
/// then gives up with a <see cref="ContentionException"/> naming the series; each document update is bounded by
/// <see cref="DocumentUpdate"/>.</para>
/// </summary>
public sealed class InvoiceNumberSequence(IDocumentStore store, TimeProvider time)
{
    /// <summary>Rounds before a worker gives up; every lost round means another worker's reservation succeeded.</summary>
    public const int MaxRounds = 64;

    /// <summary>Numbers reserved at most at once (keeps the series document well under 1 MB).</summary>
    public const int MaxBlockSize = 1000;

    /// <summary>Reservations that must find a number unwritten before the reserving worker writes it itself: the next one
    /// (by then the number's own worker has had a round to write it, or is dead).</summary>
    public const int CompleteAfterCarryOvers = 1;

    /// <summary>Numbers written at the same time by one worker completing numbers of others.</summary>
    public const int CompletionParallelism = 32;

    /// <summary>Numbers the draft invoice in <paramref name="series"/> and opens it; returns the numbered invoice.
    /// Calling it again for an invoice that has a number returns that invoice unchanged.</summary>
    /// <exception cref="ContentionException">The series stayed contended for <see cref="MaxRounds"/> rounds.</exception>
    public async Task<Stored<Invoice>> FinalizeAsync(string accountId, string invoiceId, string series, CancellationToken cancellationToken = default)
    {
        var invoice = await ReadInvoiceAsync(accountId, invoiceId, cancellationToken);
        if (invoice.Value.Number is not null)
        {
            return invoice;
        }

        await store.TryCreateAsync(series, invoiceId, new NumberRequest
        {
            Series = series, AccountId = accountId, InvoiceId = invoiceId, RequestedAt = time.GetUtcNow(),
        }, cancellationToken);
        bool Mine(PendingNumber p) => p.AccountId == accountId && p.InvoiceId == invoiceId;
        for (var round = 0; round < MaxRounds; round++)
        {
            var sequence = await ReadOrCreateSequenceAsync(series, cancellationToken);
            if (sequence.Value.Reserved.FirstOrDefault(Mine) is { } mine)
            {
                return await CompleteAsync(series, mine, cancellationToken);
            }

            if (sequence.Value.Pending is { } legacy)
            {
                await CompleteAsync(series, legacy, cancellationToken);
            }

            var waiting = await WaitingAsync(series, cancellationToken);
            if (!waiting.Any(r => r.AccountId == accountId && r.InvoiceId == invoiceId))
            {
                // Its request is numbered, so its invoice is.
                return await ReadInvoiceAsync(accountId, invoiceId, cancellationToken);
            }

            var waitingKeys = waiting.Select(r => (r.AccountId, r.InvoiceId)).ToHashSet();
            var carried = sequence.Value.Block
                .Where(p => waitingKeys.Contains((p.AccountId, p.InvoiceId)))
                .Select(p => p with { CarriedOver = p.CarriedOver + 1 })
                .ToArray();
            var reservedKeys = carried.Select(p => (p.AccountId, p.InvoiceId)).ToHashSet();
            var next = sequence.Value.Next;
            var fresh = waiting
                .Where(r => !reservedKeys.Contains((r.AccountId, r.InvoiceId)))
                .OrderBy(r => r.RequestedAt).ThenBy(r => r.InvoiceId, StringComparer.Ordinal)
                .Take(Math.Max(0, MaxBlockSize - carried.Length))
                .Select((r, i) => new PendingNumber(r.AccountId, r.InvoiceId, next + i, Format(series, next + i)))
                .ToArray();
            try
            {
                await store.ReplaceAsync(
                    series, series, sequence.Value with { Next = next + fresh.Length, Block = [.. carried, .. fresh], Pending = null }, sequence.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            await Parallel.ForEachAsync(
                carried.Where(p => p.CarriedOver >= CompleteAfterCarryOvers),
                new ParallelOptions { MaxDegreeOfParallelism = CompletionParallelism, CancellationToken = cancellationToken },
                async (entry, ct) => await CompleteAsync(series, entry, ct));
            if (fresh.FirstOrDefault(Mine) is { } reserved)
            {
                return await CompleteAsync(series, reserved, cancellationToken);
            }
        }

        throw new ContentionException(DocumentKey.For<InvoiceSequence>(series, series), MaxRounds);
    }

    /// <summary>The printed number: series, dash, six or more digits.</summary>
    public static string Format(string series, long number) => $"{series}-{number:D6}";

    /// <summary>Writes the entry's number onto its invoice (if it has none yet), then marks its request numbered.</summary>
    private async Task<Stored<Invoice>> CompleteAsync(string series, PendingNumber entry, CancellationToken cancellationToken)
    {
        var invoice = await store.UpdateExistingAsync<Invoice>(entry.AccountId, entry.InvoiceId, current => current.Number switch
        {
            null => current with
            {
                Number = entry.FormattedNumber,
                Status = current.GrossTotal.IsZero ? InvoiceStatus.Paid : InvoiceStatus.Open,
                CreditorReference = CreditorReference.Create(entry.FormattedNumber),
                FinalizedAt = time.GetUtcNow(),
            },
            var number when number == entry.FormattedNumber => null,
            var number => throw new InvalidOperationException(
                $"Invoice {entry.InvoiceId} of account {entry.AccountId} already has number {number}, but {entry.FormattedNumber} was reserved for it: series {series} is inconsistent."),
        }, cancellationToken);
        await store.UpdateAsync<NumberRequest>(series, entry.InvoiceId, request => request.State == NumberRequestState.Waiting
            ? request with { State = NumberRequestState.Numbered, Number = entry.FormattedNumber }
            : null, cancellationToken);
        return invoice;
    }

    private async Task<List<NumberRequest>> WaitingAsync(string series, CancellationToken cancellationToken)
    {
        var waiting = new List<NumberRequest>();
        var query = DocumentQuery.InPartition(series).Where(DocumentFilter.Equal("state", "waiting"));
        await foreach (var request in store.QueryAsync<NumberRequest>(query, cancellationToken))
        {
            waiting.Add(request.Value);
        }

        return waiting;
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
