using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// Assigns gapless invoice numbers (<c>INV-2026-000123</c>) when invoices are finalised, safely under retries and
/// any number of concurrent workers, with nothing but create-if-absent and ETag-conditional writes (no transactions,
/// which Cosmos DB offers only within one partition), and in blocks: one reservation hands out numbers to every draft
/// that is waiting, and only the worker making it reads the waiting drafts, so the cost per invoice stays flat however
/// many workers number at once.
/// <para>How. A draft asks by creating its <see cref="NumberRequest"/> (waiting; id = the invoice id) in the series'
/// partition. The series document (<see cref="InvoiceSequence"/>) holds the next number and the reserved numbers not yet
/// known to be written (<see cref="InvoiceSequence.Block"/>: invoice and number, so finding one's number needs no
/// query); a small <see cref="ReservationClaim"/> beside it says which worker is reserving the next block. A worker
/// loops (a worker that asked before, a redelivery, first reads its own request: its number may be known): (1) it reads
/// the claim; if it is free (or it has read the same held version <see cref="ClaimStaleAfterReads"/> times: the holder
/// died or stalled), it claims it (a conditional write), reads the series, queries the waiting requests (one single-partition query on the <c>state</c> index: the only query, one per
/// block) and writes the block, conditional on the ETag of the series version it read: the reserved numbers whose
/// request still waits stay (carried over), those whose request is numbered are dropped, every waiting request not yet
/// reserved gets the next number (oldest first, up to <see cref="MaxBlockSize"/> reserved in all); it frees the claim,
/// writes each fresh number onto its waiting request (conditional on the version its query read), completes the carried
/// numbers that were never told or were carried over <see cref="CompleteAfterCarryOvers"/> times (their workers are
/// probably dead) and its own, and is done; (2) otherwise (the claim is held, or it lost the race to claim, or its block
/// write conflicted) it waits for that block by reading its own small request (<see cref="RequestPollsPerRound"/> times, with
/// short growing pauses): when its number is there it completes it, when its request is numbered (another worker wrote
/// its number) it is done, else it starts again. Completing writes the number onto the invoice if it has none
/// (ETag-conditional; an owner writes against the versions it already read, so its own number usually costs two
/// writes), then marks the request numbered. Waiting workers read small documents only; the series, whose size grows
/// with the block, is read and written once per block.</para>
/// <para>Why it holds. Invariant: a request that waits while its invoice has a number is reserved in the series (a
/// number is written only from a reservation, and a reservation is dropped only once its request is seen numbered,
/// which happens after the write; requests never go back to waiting). The claim is not needed for any of this: the block
/// is written against the very series version it was decided from, so two workers that both believe they hold the
/// claim cannot both write a block from the same version. <b>Unique</b>: numbers come from next under the
/// series' ETag, and each block write advances next past the numbers it hands out. <b>One number per invoice, even on
/// redelivery</b>: a request is created once and never deleted (a duplicate of the draft's message finds it; one that
/// comes after the number was written returns the numbered invoice), a waiting request already reserved is never
/// reserved again, so by the invariant only invoices without a number get one, and a completion that finds another
/// number on the invoice refuses loudly. A number told on a request is the one its entry holds in the block just
/// written, and an entry's number never changes while it is reserved, so completing from the request completes the
/// reservation. <b>Gapless</b>: numbers are handed out only to stored drafts, and every number below next stays
/// reserved until it is written. <b>Nothing lost to a crash</b>, between any two writes: after the
/// request, it waits for the next block (anyone's); after a claim, the claim goes stale and is taken over (no number was
/// handed out yet; a claim left held after its block is taken over the same way); after the block, told or not, its
/// numbers stay reserved until the owners (from their request, or from the series when they reserve next), their
/// retries, or a later reserver (the next one for a number never told) write them; after a
/// number is written and before its request is marked, the entry stays reserved and is completed again (a no-op on the
/// invoice). The argument assumes that a read sees every write acknowledged before it (SQLite; Cosmos DB within one
/// region at the consistency the account gives), as the conditional writes it relies on do.</para>
/// <para>Bounded: a worker makes at most <see cref="MaxRounds"/> rounds (each means another worker was reserving, or
/// won the race to), then gives up with a <see cref="ContentionException"/> naming the series; each
/// document update is bounded by <see cref="DocumentUpdate"/>. The pauses between reads are real time, not the injected
/// clock (they only space out reads, and a test's clock stands still).</para>
/// </summary>
public sealed class InvoiceNumberSequence(IDocumentStore store, TimeProvider time)
{
    /// <summary>Rounds (a read of the claim, then waiting on its own request) before a worker gives up; each means another
    /// worker was reserving or won the race to.</summary>
    public const int MaxRounds = 64;

    /// <summary>Numbers reserved at most at once (keeps the series document well under 1 MB).</summary>
    public const int MaxBlockSize = 1000;

    /// <summary>Reservations that must find a number told to its request still unwritten before the reserving worker writes
    /// it itself (by then the number's own worker has had its chances to write it, or is dead). A number never told (its
    /// reserver died before telling it, or it was the reserver's own) is written by the next reservation that finds it.</summary>
    public const int CompleteAfterCarryOvers = 2;

    /// <summary>Writes one reserving worker makes at the same time (telling owners their numbers, completing carried ones).</summary>
    public const int CompletionParallelism = 32;

    /// <summary>Reads of one and the same held claim after which a waiting worker takes it over.</summary>
    public const int ClaimStaleAfterReads = 3;

    /// <summary>Reads of its own request a waiting worker makes between two reads of the claim.</summary>
    public const int RequestPollsPerRound = 6;

    private static readonly TimeSpan s_firstPause = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan s_longestPause = TimeSpan.FromMilliseconds(16);

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

        var request = await store.TryCreateAsync(series, invoiceId, new NumberRequest
        {
            Series = series, AccountId = accountId, InvoiceId = invoiceId, RequestedAt = time.GetUtcNow(),
        }, cancellationToken);
        var own = new Own(accountId, invoiceId, invoice, request);
        if (request is null && await OwnNumberAsync(series, own, cancellationToken) is { } known)
        {
            // Asked before (a redelivery): its number may be known already.
            return known;
        }

        string? heldVersion = null;
        var heldReads = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var claim = await ReadOrCreateClaimAsync(series, cancellationToken);
            var stale = false;
            if (claim.Value.IsHeld)
            {
                heldReads = claim.ETag == heldVersion ? heldReads + 1 : 1;
                heldVersion = claim.ETag;
                stale = heldReads >= ClaimStaleAfterReads;
            }

            if ((!claim.Value.IsHeld || stale) && await TryReserveAsync(series, claim, own, cancellationToken) is { } reserved)
            {
                return reserved;
            }

            // Another worker reserves (or just won the race to): its block holds this draft if it asked in time.
            if (await AwaitOwnNumberAsync(series, own, cancellationToken) is { } told)
            {
                return told;
            }
        }

        throw new ContentionException(DocumentKey.For<InvoiceSequence>(series, series), MaxRounds);
    }

    /// <summary>The printed number: series, dash, six or more digits.</summary>
    public static string Format(string series, long number) => $"{series}-{number:D6}";

    /// <summary>While another worker reserves: reads its own request (a small document) a few times, and completes the
    /// number the reserving worker wrote there, or returns the invoice when its number was written meanwhile. Null when
    /// neither happened yet.</summary>
    private async Task<Stored<Invoice>?> AwaitOwnNumberAsync(string series, Own own, CancellationToken cancellationToken)
    {
        for (var poll = 1; poll <= RequestPollsPerRound; poll++)
        {
            await PauseAsync(poll, cancellationToken);
            if (await OwnNumberAsync(series, own, cancellationToken) is { } numbered)
            {
                return numbered;
            }
        }

        return null;
    }

    /// <summary>Reads its own request once: completes the number told there, or returns the invoice when the request is
    /// numbered; null when it still waits without a number.</summary>
    private async Task<Stored<Invoice>?> OwnNumberAsync(string series, Own own, CancellationToken cancellationToken)
    {
        var request = await store.ReadAsync<NumberRequest>(series, own.InvoiceId, cancellationToken);
        return request switch
        {
            { Value.State: NumberRequestState.Numbered } => await ReadInvoiceAsync(own.AccountId, own.InvoiceId, cancellationToken),
            { Value.Number: { } number } => await CompleteAsync(series, own.AccountId, own.InvoiceId, number, own with { Request = request }, cancellationToken),
            _ => null,
        };
    }

    /// <summary>Claims the series, reserves a block for every waiting request, releases the claim, tells each owner its
    /// number on its request, and completes its own number (and those carried over long enough). Null when another worker
    /// claimed or reserved first, or its own draft did not fit.</summary>
    private async Task<Stored<Invoice>?> TryReserveAsync(string series, Stored<ReservationClaim> claim, Own own, CancellationToken cancellationToken)
    {
        Stored<ReservationClaim> held;
        try
        {
            held = await store.ReplaceAsync(
                series, ReservationClaim.Id, claim.Value with { Holder = Guid.NewGuid().ToString("N"), ClaimedAt = time.GetUtcNow() }, claim.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        var sequence = await ReadOrCreateSequenceAsync(series, cancellationToken);
        if (sequence.Value.Pending is { } legacy)
        {
            await CompleteAsync(series, legacy.AccountId, legacy.InvoiceId, legacy.FormattedNumber, null, cancellationToken);
        }

        var waiting = await WaitingAsync(series, cancellationToken);
        var carried = sequence.Value.Block
            .Where(p => waiting.ContainsKey((p.AccountId, p.InvoiceId)))
            .Select(p => p with { CarriedOver = p.CarriedOver + 1 })
            .ToArray();
        var reserved = carried.Select(p => (p.AccountId, p.InvoiceId)).ToHashSet();
        var first = sequence.Value.Next;
        var fresh = waiting.Values
            .Where(r => !reserved.Contains((r.Value.AccountId, r.Value.InvoiceId)))
            .OrderBy(r => r.Value.RequestedAt).ThenBy(r => r.Value.InvoiceId, StringComparer.Ordinal)
            .Take(Math.Max(0, MaxBlockSize - carried.Length))
            .Select((r, i) => new PendingNumber(r.Value.AccountId, r.Value.InvoiceId, first + i, Format(series, first + i)))
            .ToArray();
        var written = true;
        try
        {
            await store.ReplaceAsync(
                series, series, sequence.Value with { Next = first + fresh.Length, Block = [.. carried, .. fresh], Pending = null }, sequence.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            written = false; // the claim was taken over and that worker reserved first: its block is the one that counts
        }

        await ReleaseAsync(series, held, cancellationToken);
        if (!written)
        {
            return null;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = CompletionParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(fresh.Where(p => !own.Is(p)), parallel, async (entry, ct) =>
            await TellAsync(series, entry, waiting[(entry.AccountId, entry.InvoiceId)], ct));
        var abandoned = carried.Where(p => !own.Is(p) && (p.CarriedOver >= CompleteAfterCarryOvers || waiting[(p.AccountId, p.InvoiceId)].Value.Number is null));
        await Parallel.ForEachAsync(abandoned, parallel, async (entry, ct) =>
            await CompleteAsync(series, entry.AccountId, entry.InvoiceId, entry.FormattedNumber, null, ct));
        if (fresh.Concat(carried).FirstOrDefault(own.Is) is { } mine)
        {
            return await CompleteAsync(series, mine.AccountId, mine.InvoiceId, mine.FormattedNumber, own, cancellationToken);
        }

        // Not waiting any more: its number was written (by another worker completing it).
        return waiting.ContainsKey((own.AccountId, own.InvoiceId)) ? null : await ReadInvoiceAsync(own.AccountId, own.InvoiceId, cancellationToken);
    }

    /// <summary>Frees the claim, unless another worker took it over meanwhile (then it is theirs to free).</summary>
    private async Task ReleaseAsync(string series, Stored<ReservationClaim> held, CancellationToken cancellationToken)
    {
        try
        {
            await store.ReplaceAsync(series, ReservationClaim.Id, held.Value with { Holder = null, ClaimedAt = null }, held.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Taken over: the new holder frees it.
        }
    }

    /// <summary>Writes a reserved number onto its waiting request, so its worker learns it without reading the series;
    /// a request changed since the query (its worker completed it) needs nothing.</summary>
    private async Task TellAsync(string series, PendingNumber entry, Stored<NumberRequest> request, CancellationToken cancellationToken)
    {
        try
        {
            await store.ReplaceAsync(series, entry.InvoiceId, request.Value with { Number = entry.FormattedNumber }, request.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Its worker (or another) completed it meanwhile.
        }
    }

    /// <summary>Writes the number onto its invoice (if it has none yet), then marks its request numbered. The owner passes
    /// the versions it read (<paramref name="own"/>) and writes against them; anyone else reads first.</summary>
    private async Task<Stored<Invoice>> CompleteAsync(string series, string accountId, string invoiceId, string number, Own? own, CancellationToken cancellationToken)
    {
        var invoice = await WriteNumberAsync(series, accountId, invoiceId, number, own?.Invoice, cancellationToken);
        if (own?.Request is { Value.State: NumberRequestState.Waiting } request)
        {
            try
            {
                await store.ReplaceAsync(series, invoiceId, Numbered(request.Value, number), request.ETag, cancellationToken);
                return invoice;
            }
            catch (ConcurrencyConflictException)
            {
                // Changed since it was read (its number was told, or another worker completed it): decide again below.
            }
        }

        await store.UpdateAsync<NumberRequest>(series, invoiceId, r => r.State == NumberRequestState.Waiting ? Numbered(r, number) : null, cancellationToken);
        return invoice;
    }

    private async Task<Stored<Invoice>> WriteNumberAsync(string series, string accountId, string invoiceId, string number, Stored<Invoice>? known, CancellationToken cancellationToken)
    {
        if (known is { Value.Number: null })
        {
            try
            {
                return await store.ReplaceAsync(accountId, invoiceId, known.Value.Finalize(number, time.GetUtcNow()), known.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Changed since it was read (another worker wrote the number): decide again below.
            }
        }

        return await store.UpdateExistingAsync<Invoice>(accountId, invoiceId, current => current.Number switch
        {
            null => current.Finalize(number, time.GetUtcNow()),
            var written when written == number => null,
            var written => throw new InvalidOperationException(
                $"Invoice {invoiceId} of account {accountId} already has number {written}, but {number} was reserved for it: series {series} is inconsistent."),
        }, cancellationToken);
    }

    private static NumberRequest Numbered(NumberRequest request, string number) =>
        request with { State = NumberRequestState.Numbered, Number = number };

    private async Task<Dictionary<(string AccountId, string InvoiceId), Stored<NumberRequest>>> WaitingAsync(string series, CancellationToken cancellationToken)
    {
        var waiting = new Dictionary<(string, string), Stored<NumberRequest>>();
        var query = DocumentQuery.InPartition(series).Where(DocumentFilter.Equal("state", "waiting"));
        await foreach (var request in store.QueryAsync<NumberRequest>(query, cancellationToken))
        {
            waiting[(request.Value.AccountId, request.Value.InvoiceId)] = request;
        }

        return waiting;
    }

    /// <summary>A pause before reading again: 1 ms doubling up to 16 ms, ±50 % so waiting workers spread out.</summary>
    private static Task PauseAsync(int attempt, CancellationToken cancellationToken)
    {
        var pause = Math.Min(s_longestPause.TotalMilliseconds, s_firstPause.TotalMilliseconds * (1 << Math.Min(attempt, 4)));
        return Task.Delay(TimeSpan.FromMilliseconds(pause * (0.5 + Random.Shared.NextDouble())), cancellationToken);
    }

    private async Task<Stored<Invoice>> ReadInvoiceAsync(string accountId, string invoiceId, CancellationToken cancellationToken) =>
        await store.ReadAsync<Invoice>(accountId, invoiceId, cancellationToken)
        ?? throw new InvalidOperationException($"Invoice {invoiceId} of account {accountId} does not exist; only stored drafts can be numbered.");

    private async Task<Stored<ReservationClaim>> ReadOrCreateClaimAsync(string series, CancellationToken cancellationToken) =>
        await store.ReadAsync<ReservationClaim>(series, ReservationClaim.Id, cancellationToken)
        ?? await store.TryCreateAsync(series, ReservationClaim.Id, new ReservationClaim { Series = series }, cancellationToken)
        ?? await store.ReadAsync<ReservationClaim>(series, ReservationClaim.Id, cancellationToken)
        ?? throw new InvalidOperationException($"The reservation claim of series {series} vanished while it was being created.");

    private async Task<Stored<InvoiceSequence>> ReadOrCreateSequenceAsync(string series, CancellationToken cancellationToken) =>
        await store.ReadAsync<InvoiceSequence>(series, series, cancellationToken)
        ?? await store.TryCreateAsync(series, series, new InvoiceSequence { Series = series }, cancellationToken)
        ?? await store.ReadAsync<InvoiceSequence>(series, series, cancellationToken)
        ?? throw new InvalidOperationException($"Series {series} vanished while it was being created.");

    /// <summary>The draft a worker numbers, with the versions of its invoice and request it read or created (request null:
    /// it found the request already there).</summary>
    private sealed record Own(string AccountId, string InvoiceId, Stored<Invoice> Invoice, Stored<NumberRequest>? Request)
    {
        public bool Is(PendingNumber p) => p.AccountId == AccountId && p.InvoiceId == InvoiceId;
    }
}
