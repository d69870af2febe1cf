using System.Diagnostics;
using Billing.Core.Events;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Storage;

namespace Billing.Core.Ingestion;

/// <summary>
/// Records one entry exactly once: claim its identity (<see cref="PaymentClaim"/>, create-if-absent, holding the
/// planned payment), settle it against the invoices as they are now and seal the outcome on the claim, create the payment
/// in the partition it settled in (create-if-absent), book its credit rest (<see cref="PaymentLedger"/>, idempotent) and
/// publish its event (deterministic id). Whoever finds the claim
/// already there — a replay, an overlapping statement, a concurrent worker — finishes the claimed payment instead
/// of matching again, so a crash at any step is completed by the next run and nothing is booked twice.
/// </summary>
public sealed class PaymentRecorder(IDocumentStore store, PaymentLedger ledger, IEventPublisher events, TimeProvider time)
{
    /// <summary>This recorder writing (and reading) through <paramref name="writes"/> instead, a write batch's store, say.</summary>
    public PaymentRecorder WritingTo(IDocumentStore writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return ReferenceEquals(writes, store) ? this : new PaymentRecorder(writes, ledger.WritingTo(writes), events, time);
    }

    /// <summary>Claims and records <paramref name="planned"/>; returns the payment as it settled and whether this call made the claim.</summary>
    public Task<(Payment Payment, bool Created)> RecordAsync(Payment planned, string? returnsPaymentId, CancellationToken cancellationToken) =>
        RecordAsync(planned, returnsPaymentId, null, cancellationToken);

    /// <summary>
    /// Claims and records <paramref name="planned"/>; returns the payment as it settled (the claim that won: ours, or the earlier
    /// one) and whether this call made the claim. When <paramref name="deferredEvents"/> is given, the events are added to it
    /// instead of published: the caller publishes them once the writes are durable (a batch), which a crash before that leaves
    /// to the replay's <see cref="FinishAsync(Stored{PaymentClaim}, ICollection{IntegrationEvent}?, CancellationToken)"/>.
    /// </summary>
    public async Task<(Payment Payment, bool Created)> RecordAsync(
        Payment planned, string? returnsPaymentId, ICollection<IntegrationEvent>? deferredEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var claim = new PaymentClaim
        {
            Id = planned.Id, Partition = planned.AccountId, Planned = planned, ReturnsPaymentId = returnsPaymentId,
            Settled = planned.Status != PaymentStatus.Applied,
        };
        var created = await store.TryCreateAsync(planned.Id, planned.Id, claim, cancellationToken);
        var winner = created ?? await store.ReadAsync<PaymentClaim>(planned.Id, planned.Id, cancellationToken)
            ?? throw new InvalidOperationException($"The claim of payment {planned.Id} vanished.");
        return (await FinishAsync(winner, deferredEvents, cancellationToken), created is not null);
    }

    /// <summary>Completes whatever a claim stands for; safe to call any number of times. Returns the payment as it settled.</summary>
    public Task<Payment> FinishAsync(Stored<PaymentClaim> claim, CancellationToken cancellationToken) => FinishAsync(claim, null, cancellationToken);

    /// <summary>
    /// Completes whatever a claim stands for, step by idempotent step: settle an applied payment against the invoices as they
    /// are now (<see cref="PaymentLedger.SettleAsync"/>), seal that outcome on the claim (ETag: the first to seal wins, later
    /// callers adopt it), create the payment document where it settled, book its credit rest, publish its event (to
    /// <paramref name="deferredEvents"/> when given). Safe to call any number of times, concurrently too.
    /// </summary>
    public async Task<Payment> FinishAsync(Stored<PaymentClaim> claim, ICollection<IntegrationEvent>? deferredEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Value.ReturnsPaymentId is { } returned)
        {
            await ReturnAsync(claim.Value.Partition, returned, claim.Value.Planned, deferredEvents, cancellationToken);
            return claim.Value.Planned;
        }

        var sealedClaim = claim.Value.Settled ? claim.Value : await SettleAsync(claim, cancellationToken);
        var payment = (await store.TryCreateAsync(sealedClaim.Partition, sealedClaim.Id, sealedClaim.Planned, cancellationToken))?.Value
            ?? (await store.ReadAsync<Payment>(sealedClaim.Partition, sealedClaim.Id, cancellationToken))?.Value
            ?? sealedClaim.Planned;
        if (payment.Status == PaymentStatus.Applied)
        {
            await ledger.BookRestAsync(payment, cancellationToken);
            await PublishAsync(PaymentEvent.For(EventTypes.PaymentApplied, payment, payment.ResolvedAt ?? payment.RecordedAt), deferredEvents, cancellationToken);
        }
        else if (payment.Status == PaymentStatus.Parked)
        {
            await PublishAsync(PaymentEvent.For(EventTypes.PaymentParked, payment, payment.RecordedAt), deferredEvents, cancellationToken);
        }

        return payment;
    }

    /// <summary>
    /// Settles the claim's plan against the invoices and seals the outcome on the claim; returns the sealed claim. The seal
    /// replaces the version of the claim in hand (no second read) and decides again only when another worker changed it.
    /// </summary>
    private async Task<PaymentClaim> SettleAsync(Stored<PaymentClaim> claim, CancellationToken cancellationToken)
    {
        // A person's decision is final about the account: what its invoices do not take goes to the credit balance. A
        // match is only as good as what was due: when nothing was, the payment is parked, as it would have been had it
        // been matched a moment later.
        var planned = claim.Value.Planned;
        var settled = await ledger.SettleAsync(planned, parkWhenNothingFits: planned.Rule != MatchRule.Manual, cancellationToken);
        PaymentClaim? Seal(PaymentClaim current) => current.Settled ? null : current with { Planned = settled, Partition = settled.AccountId, Settled = true };
        try
        {
            return (await store.ReplaceAsync(claim.Key.PartitionKey, claim.Key.Id, Seal(claim.Value)!, claim.ETag, cancellationToken)).Value;
        }
        catch (ConcurrencyConflictException)
        {
            // Another worker sealed (or touched) the claim meanwhile: the first seal wins.
            return (await store.UpdateExistingAsync<PaymentClaim>(claim.Key.PartitionKey, claim.Key.Id, Seal, cancellationToken)).Value;
        }
    }

    private Task PublishAsync(IntegrationEvent e, ICollection<IntegrationEvent>? deferred, CancellationToken cancellationToken)
    {
        if (deferred is null)
        {
            return events.PublishAsync([e], cancellationToken);
        }

        deferred.Add(e);
        return Task.CompletedTask;
    }

    /// <summary>Marks the original payment returned (first), then undoes its effects, then publishes PaymentReturned.</summary>
    private async Task ReturnAsync(string partition, string paymentId, Payment returnEntry, ICollection<IntegrationEvent>? deferred, CancellationToken cancellationToken)
    {
        var stored = await store.UpdateAsync<Payment>(partition, paymentId, payment => payment.Status == PaymentStatus.Returned ? null : payment with
        {
            Status = PaymentStatus.Returned, ReturnedOn = returnEntry.BookingDate, ReturnReason = returnEntry.ReturnReason ?? "returned by the bank",
        }, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var original = stored.Value;
        if (original.AccountId != Payment.SuspensePartition)
        {
            await ledger.UndoAsync(original, original.ReturnedOn ?? returnEntry.BookingDate, cancellationToken);
        }

        await PublishAsync(PaymentEvent.For(EventTypes.PaymentReturned, original, time.GetUtcNow()), deferred, cancellationToken);
    }

    /// <summary>The payment document for a matched or parked credit.</summary>
    public static Payment Plan(BankEntry entry, string bankFileId, MatchResult match, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(match);
        var currency = Currency.FromCode(entry.CurrencyCode);
        var amount = new Money(entry.Amount, currency);
        return match switch
        {
            MatchResult.Matched matched => Payment.Of(entry, entry.PaymentId, Payment.PartitionOf(matched.AccountId), bankFileId, amount, PaymentStatus.Applied, now) with
            {
                EntryIdentity = entry.Identity,
                Rule = matched.Rule,
                Confidence = matched.Confidence,
                Allocations = matched.Allocations.Select(a => new PaymentAllocation(a.Invoice.Id, a.Invoice.Number, Money.FromMinorUnits(a.Minor, currency))).ToList(),
                CreditedToBalance = matched.RestMinor > 0 ? Money.FromMinorUnits(matched.RestMinor, currency) : null,
            },
            MatchResult.Parked parked => Payment.Of(entry, entry.PaymentId, Payment.PartitionOf(null), bankFileId, amount, PaymentStatus.Parked, now) with
            {
                EntryIdentity = entry.Identity, ParkReason = parked.Reason, Suggestions = parked.Suggestions,
            },
            _ => throw new UnreachableException(),
        };
    }
}
