using Billing.Core.Events;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Storage;

namespace Billing.Core.Ingestion;

/// <summary>
/// Records one entry exactly once: claim its identity (<see cref="PaymentClaim"/>, create-if-absent, holding the
/// planned payment), create the payment in its partition (create-if-absent), then book its effects
/// (<see cref="PaymentLedger"/>, idempotent) and publish its event (deterministic id). Whoever finds the claim
/// already there — a replay, an overlapping statement, a concurrent worker — finishes the claimed payment instead
/// of matching again, so a crash at any step is completed by the next run and nothing is booked twice.
/// </summary>
public sealed class PaymentRecorder(IDocumentStore store, PaymentLedger ledger, IEventPublisher events, TimeProvider time)
{
    /// <summary>Claims and records <paramref name="planned"/>; returns the claim that won (ours, or the earlier one).</summary>
    public Task<(PaymentClaim Claim, bool Created)> RecordAsync(Payment planned, string? returnsPaymentId, CancellationToken cancellationToken) =>
        RecordAsync(planned, returnsPaymentId, null, cancellationToken);

    /// <summary>
    /// Claims and records <paramref name="planned"/>; returns the claim that won (ours, or the earlier one). When
    /// <paramref name="deferredEvents"/> is given, the events are added to it instead of published: the caller publishes them
    /// once the writes are durable (a batch), which a crash before that leaves to the replay's <see cref="FinishAsync(PaymentClaim, CancellationToken)"/>.
    /// </summary>
    public async Task<(PaymentClaim Claim, bool Created)> RecordAsync(
        Payment planned, string? returnsPaymentId, ICollection<IntegrationEvent>? deferredEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var claim = new PaymentClaim { Id = planned.Id, Partition = planned.AccountId, Planned = planned, ReturnsPaymentId = returnsPaymentId };
        var created = await store.TryCreateAsync(planned.Id, planned.Id, claim, cancellationToken);
        var winner = created?.Value ?? (await store.ReadAsync<PaymentClaim>(planned.Id, planned.Id, cancellationToken))?.Value
            ?? throw new InvalidOperationException($"The claim of payment {planned.Id} vanished.");
        await FinishAsync(winner, deferredEvents, cancellationToken);
        return (winner, created is not null);
    }

    /// <summary>Completes whatever a claim stands for; safe to call any number of times.</summary>
    public Task FinishAsync(PaymentClaim claim, CancellationToken cancellationToken) => FinishAsync(claim, null, cancellationToken);

    /// <summary>Completes whatever a claim stands for; safe to call any number of times. Events go to <paramref name="deferredEvents"/> when given.</summary>
    public async Task FinishAsync(PaymentClaim claim, ICollection<IntegrationEvent>? deferredEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.ReturnsPaymentId is { } returned)
        {
            await ReturnAsync(claim.Partition, returned, claim.Planned, deferredEvents, cancellationToken);
            return;
        }

        var payment = (await store.TryCreateAsync(claim.Partition, claim.Id, claim.Planned, cancellationToken))?.Value
            ?? (await store.ReadAsync<Payment>(claim.Partition, claim.Id, cancellationToken))?.Value
            ?? claim.Planned;
        if (payment.Status == PaymentStatus.Applied)
        {
            await ledger.ApplyAsync(payment, cancellationToken);
            await PublishAsync(PaymentEvent.For(EventTypes.PaymentApplied, payment, payment.RecordedAt), deferredEvents, cancellationToken);
        }
        else if (payment.Status == PaymentStatus.Parked)
        {
            await PublishAsync(PaymentEvent.For(EventTypes.PaymentParked, payment, payment.RecordedAt), deferredEvents, cancellationToken);
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
        Payment? original = null;
        for (var attempt = 0; attempt < 50 && original is null; attempt++)
        {
            var stored = await store.ReadAsync<Payment>(partition, paymentId, cancellationToken);
            if (stored is null)
            {
                return;
            }

            if (stored.Value.Status == PaymentStatus.Returned)
            {
                original = stored.Value;
                break;
            }

            try
            {
                original = (await store.ReplaceAsync(partition, paymentId, stored.Value with
                {
                    Status = PaymentStatus.Returned, ReturnedOn = returnEntry.BookingDate, ReturnReason = returnEntry.ReturnReason ?? "returned by the bank",
                }, stored.ETag, cancellationToken)).Value;
            }
            catch (ConcurrencyConflictException)
            {
                // Changed meanwhile (a decision, another return): read again.
            }
        }

        if (original is null)
        {
            throw new InvalidOperationException($"Payment {paymentId} stayed contended while it was being returned.");
        }

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
        return new Payment
        {
            Id = entry.PaymentId,
            AccountId = Payment.PartitionOf(match.AccountId),
            BankFileId = bankFileId,
            Amount = new Money(entry.Amount, currency),
            BookingDate = entry.BookingDate,
            ValueDate = entry.ValueDate,
            ReceivingAccount = entry.ReceivingAccount,
            PayerName = entry.PayerName,
            PayerIban = entry.PayerIban,
            RemittanceInfo = entry.RemittanceInfo,
            EndToEndId = entry.EndToEndId,
            CreditorReference = entry.CreditorReference,
            BankReference = entry.BankReference,
            EntryIdentity = entry.Identity,
            Status = match.IsMatched ? PaymentStatus.Applied : PaymentStatus.Parked,
            Rule = match.Rule,
            Confidence = match.Confidence,
            Allocations = match.Allocations.Select(a => new PaymentAllocation(a.Invoice.Id, a.Invoice.Number, Money.FromMinorUnits(a.Minor, currency))).ToList(),
            CreditedToBalance = match.IsMatched && match.RestMinor > 0 ? Money.FromMinorUnits(match.RestMinor, currency) : null,
            ParkReason = match.ParkReason,
            Suggestions = match.Suggestions,
            RecordedAt = now,
        };
    }
}
