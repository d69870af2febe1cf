using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// Assigns gapless invoice numbers (<c>INV-2026-000123</c>) when invoices are finalised, safely under retries and
/// any number of concurrent workers, with nothing but create-if-absent and ETag-conditional writes (no transactions,
/// which Cosmos DB offers only within one partition), and in blocks: one write of the series document hands out
/// numbers to every draft that is waiting, so the series is written once per block, not once per invoice.
/// <para>How. A draft asks by creating its <see cref="NumberRequest"/> (waiting) in the series' partition. The series
/// document (<see cref="InvoiceSequence"/>) holds the next number and the block last reserved. A worker loops:
/// (1) it reads the series; if a block is reserved and holds its own draft, it completes that one entry and is done;
/// if a block is reserved without it, it helps: it completes every entry whose request is still waiting, then clears
/// the block (conditional on the series' ETag) and starts the round again; (2) with no block reserved, it queries the
/// waiting requests (one single-partition query), numbers them consecutively from next (oldest first, at most
/// <see cref="MaxBlockSize"/>) and replaces the series with next + count and that block, conditional on the ETag read
/// in (1) (on a conflict another worker reserved or cleared: it starts the round again); (3) it completes its own
/// entry; the other drafts' workers find theirs in the block in their next round and complete them, and whoever comes
/// next without an entry completes what is left (a dead worker's entry) before it clears the block. Completing an entry
/// writes the number onto the invoice if it has none (an ETag-conditional update), then marks its request numbered; a
/// block is cleared only after all its entries are complete. A worker whose request is no longer waiting has its number.</para>
/// <para>Why it holds. Gapless: a reserved number always belongs to a stored draft, and a block is completed (each
/// number written onto its invoice) before it is cleared, and nobody reserves while a block is reserved; a worker
/// that dies anywhere leaves the block to the next worker, which completes it first. Unique: numbers come from next
/// under the series' ETag, and each block advances next past its numbers. One number per invoice: a request is created
/// once and never deleted, so a duplicate draft cannot ask twice; it is numbered only after its invoice has its number,
/// and a block is reserved only when the previous one is complete, so the waiting requests it takes belong to invoices
/// without a number, each in exactly one block. A completion that finds another number on the invoice refuses loudly.
/// The argument assumes that a read sees every write acknowledged before it (SQLite; Cosmos DB within one region with
/// the consistency the account gives the sequences container), as the conditional writes it relies on do.</para>
/// <para>Bounded: a worker makes at most <see cref="MaxRounds"/> rounds (each one means some block was reserved or
/// completed), then gives up with a <see cref="ContentionException"/> naming the series; every document update is
/// bounded by <see cref="DocumentUpdate"/>.</para>
/// </summary>
public sealed class InvoiceNumberSequence(IDocumentStore store, TimeProvider time)
{
    /// <summary>Rounds before a worker gives up; every round some block was reserved or completed by someone.</summary>
    public const int MaxRounds = 64;

    /// <summary>Drafts numbered by one series write at most (keeps the series document well under 1 MB).</summary>
    public const int MaxBlockSize = 500;

    /// <summary>Entries of a block completed at the same time by one worker.</summary>
    public const int CompletionParallelism = 64;

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
        for (var round = 0; round < MaxRounds; round++)
        {
            var sequence = await ReadOrCreateSequenceAsync(series, cancellationToken);
            if (sequence.Value.Reserved.Count > 0)
            {
                if (sequence.Value.Reserved.FirstOrDefault(p => p.AccountId == accountId && p.InvoiceId == invoiceId) is { } mine)
                {
                    return await CompleteAsync(series, mine, cancellationToken);
                }

                await CompleteOutstandingAsync(series, sequence, cancellationToken);
                continue;
            }

            var waiting = await WaitingAsync(series, cancellationToken);
            if (!waiting.Any(r => r.AccountId == accountId && r.InvoiceId == invoiceId))
            {
                // Its request is numbered, so its invoice is: a block took it and has been completed.
                return await ReadInvoiceAsync(accountId, invoiceId, cancellationToken);
            }

            var block = waiting
                .OrderBy(r => r.RequestedAt).ThenBy(r => r.InvoiceId, StringComparer.Ordinal)
                .Take(MaxBlockSize)
                .Select((r, i) => new PendingNumber(r.AccountId, r.InvoiceId, sequence.Value.Next + i, Format(series, sequence.Value.Next + i)))
                .ToArray();
            try
            {
                await store.ReplaceAsync(
                    series, series, sequence.Value with { Next = sequence.Value.Next + block.Length, Block = block, Pending = null }, sequence.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            if (block.FirstOrDefault(p => p.AccountId == accountId && p.InvoiceId == invoiceId) is { } reserved)
            {
                // The other drafts' workers complete their own entries; whoever reserves next completes what is left.
                return await CompleteAsync(series, reserved, cancellationToken);
            }
        }

        throw new ContentionException(DocumentKey.For<InvoiceSequence>(series, series), MaxRounds);
    }

    /// <summary>The printed number: series, dash, six or more digits.</summary>
    public static string Format(string series, long number) => $"{series}-{number:D6}";

    /// <summary>Completes the entries of the reserved block whose request still waits (the rest are done), then clears it.</summary>
    private async Task CompleteOutstandingAsync(string series, Stored<InvoiceSequence> sequence, CancellationToken cancellationToken)
    {
        var waiting = (await WaitingAsync(series, cancellationToken)).Select(r => (r.AccountId, r.InvoiceId)).ToHashSet();
        var outstanding = sequence.Value.Reserved
            .Where(p => p == sequence.Value.Pending || waiting.Contains((p.AccountId, p.InvoiceId)))
            .ToArray();
        await CompleteAndClearAsync(series, sequence, outstanding, cancellationToken);
    }

    private async Task CompleteAndClearAsync(string series, Stored<InvoiceSequence> sequence, IReadOnlyList<PendingNumber> entries, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = CompletionParallelism, CancellationToken = cancellationToken },
            async (entry, ct) => await CompleteAsync(series, entry, ct));
        try
        {
            await store.ReplaceAsync(series, series, sequence.Value with { Block = [], Pending = null }, sequence.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Only clearing changes a series while a block is reserved: another worker cleared this block already.
        }
    }

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
