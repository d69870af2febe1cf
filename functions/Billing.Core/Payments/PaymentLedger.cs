using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// Books a payment's effects on invoices and on the account's credit balance. Every decision about how much money goes
/// where is made against the version of the document it writes (STYLE rule 11), never against the matcher's snapshot:
/// <list type="bullet">
/// <item><see cref="SettleAsync"/> offers each invoice its planned share; the invoice takes at most what is due now
/// (<see cref="Invoice.AcceptableShare"/>) and records the payment by id, so a replay finds it. What the invoices did not
/// take goes to the credit balance; when they took nothing (all paid meanwhile, by a concurrent ingestion of another file)
/// a matched payment goes back to suspense, exactly as it would have been parked had the files come one after the other.</item>
/// <item><see cref="BookCreditAsync"/> adds one movement per id to the balance, never letting it go below zero.</item>
/// <item><see cref="UndoAsync"/> (a return) takes back what the payment paid. When its overpayment was already spent on
/// later invoices, the balance is taken down to zero and the rest is reclaimed from those invoices, newest first, which
/// reopens them: the customer owes again what the returned money had paid. The balance is never negative.</item>
/// </list>
/// Conservation, to the cent per account and currency: credited by banks − returned = applied to invoices + credit balance
/// + parked + refunded.
/// </summary>
public sealed class PaymentLedger(IDocumentStore store)
{
    /// <summary>This ledger writing (and reading) through <paramref name="writes"/> instead, a write batch's store, say.</summary>
    public PaymentLedger WritingTo(IDocumentStore writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return ReferenceEquals(writes, store) ? this : new PaymentLedger(writes);
    }

    /// <summary>
    /// Applies the planned allocations of an applied payment to the invoices as they are now and returns the payment as it
    /// settled: its allocations are what each invoice took, its <see cref="Payment.CreditedToBalance"/> the rest, and its
    /// <see cref="Payment.SettlementNote"/> says what differed from the plan. With <paramref name="parkWhenNothingFits"/>
    /// a payment that no invoice took anything of is returned parked instead (a person decides). Idempotent: an invoice
    /// that already recorded the payment keeps what it recorded.
    /// </summary>
    public async Task<Payment> SettleAsync(Payment planned, bool parkWhenNothingFits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (planned.Status != PaymentStatus.Applied)
        {
            return planned;
        }

        var currency = planned.Amount.Currency;
        var taken = new List<PaymentAllocation>();
        var notes = new List<string>();
        var total = Money.Zero(currency);
        foreach (var allocation in planned.Allocations)
        {
            var offered = Money.Min(allocation.Amount, planned.Amount - total);
            var stored = await store.UpdateAsync<Invoice>(planned.AccountId, allocation.InvoiceId, invoice =>
                !invoice.HasPayment(planned.Id) && invoice.AcceptableShare(offered) is { IsPositive: true } fits
                    ? invoice.ApplyPayment(new InvoicePayment(planned.Id, fits, planned.BookingDate))
                    : null,
                cancellationToken);
            var share = stored?.Value.PaidBy(planned.Id) ?? Money.Zero(currency);
            if (share.IsPositive)
            {
                taken.Add(allocation with { Amount = share });
                total += share;
            }

            if (share < allocation.Amount)
            {
                notes.Add(stored is null
                    ? $"{allocation.InvoiceNumber} does not exist"
                    : $"{allocation.InvoiceNumber} took {share.ToDecimalString()} of {allocation.Amount.ToDecimalString()} ({Why(stored.Value)})");
            }
        }

        var note = notes.Count == 0 ? null : string.Join("; ", notes);
        if (parkWhenNothingFits && planned.Allocations.Count > 0 && total.IsZero)
        {
            return planned with
            {
                AccountId = Payment.SuspensePartition, Status = PaymentStatus.Parked, Allocations = [], CreditedToBalance = null,
                ParkReason = $"Matched to {string.Join(", ", planned.Allocations.Select(a => a.InvoiceNumber))} of {planned.AccountId} ({planned.Rule}), but nothing was due any more when it was applied: {note}.",
                SettlementNote = note,
            };
        }

        var rest = planned.Amount - total;
        return planned with
        {
            Allocations = taken,
            CreditedToBalance = rest.IsPositive ? rest : null,
            SettlementNote = note is null ? null : $"{note}; {rest.ToDecimalString()} {currency.Code} to the credit balance",
        };
    }

    /// <summary>Books the credit rest of a settled, applied payment (once, by the payment id).</summary>
    public async Task BookRestAsync(Payment settled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settled);
        if (settled.Status == PaymentStatus.Applied && settled.CreditedToBalance is { IsPositive: true } rest)
        {
            await BookCreditAsync(settled.AccountId, settled.Id, _ => rest, settled.BookingDate, $"overpayment {settled.Id}", null, cancellationToken,
                unlessBooked: ReturnMovementId(settled.Id));
        }
    }

    /// <summary>Takes back what a returned payment paid: its invoice payments, and its credit rest (reclaiming what was spent).</summary>
    public async Task UndoAsync(Payment payment, DateOnly returnedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        foreach (var allocation in payment.Allocations)
        {
            await store.UpdateAsync<Invoice>(payment.AccountId, allocation.InvoiceId, invoice =>
                invoice.HasPayment(payment.Id) ? invoice.RemovePayment(payment.Id) : null, cancellationToken);
        }

        if (payment.CreditedToBalance is { IsPositive: true } rest)
        {
            await ReclaimCreditAsync(payment.AccountId, payment.Id, rest, returnedOn, cancellationToken);
        }
    }

    /// <summary>
    /// Books one movement into the account's credit balance unless a movement with <paramref name="movementId"/> is already
    /// there. <paramref name="amountFor"/> decides the signed amount against the balance written (null when the account has
    /// none yet; returning null or zero books nothing); <see cref="AccountCredit.Book"/> refuses to go below zero. Returns the
    /// balance as stored afterwards, or null when there is none.
    /// </summary>
    public async Task<Stored<AccountCredit>?> BookCreditAsync(
        string accountId, string movementId, Func<Money?, Money?> amountFor, DateOnly date, string reason, string? invoiceId,
        CancellationToken cancellationToken = default, string? useId = null, string? unlessBooked = null)
    {
        ArgumentNullException.ThrowIfNull(amountFor);
        for (var attempt = 0; attempt < DocumentUpdate.DefaultMaxAttempts; attempt++)
        {
            var current = await store.ReadAsync<AccountCredit>(accountId, AccountCredit.DocumentId, cancellationToken);
            if (current is null)
            {
                if (amountFor(null) is not { IsPositive: true } first)
                {
                    return null;
                }

                var created = await store.TryCreateAsync(accountId, AccountCredit.DocumentId, new AccountCredit
                {
                    AccountId = accountId, Balance = first, Movements = [movementId], History = [new CreditMovement(movementId, first, date, reason, invoiceId, useId)],
                }, cancellationToken);
                if (created is not null)
                {
                    return created;
                }

                continue;
            }

            if (current.Value.Movements.Contains(movementId) || (unlessBooked is not null && current.Value.Movements.Contains(unlessBooked))
                || amountFor(current.Value.Balance) is not { IsZero: false } amount)
            {
                return current;
            }

            try
            {
                return await store.ReplaceAsync(accountId, AccountCredit.DocumentId,
                    current.Value.Book(new CreditMovement(movementId, amount, date, reason, invoiceId, useId)), current.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Another movement was booked meanwhile: decide again against it.
            }
        }

        throw new ContentionException(DocumentKey.For<AccountCredit>(accountId, AccountCredit.DocumentId), DocumentUpdate.DefaultMaxAttempts);
    }

    /// <summary>
    /// Takes <paramref name="rest"/> (a returned overpayment) out of the balance. What the balance no longer holds was spent
    /// on invoices: it is reclaimed from them, newest use first, in the same write (movements <c>reclaim:{payment}:{invoice}</c>),
    /// then each of those invoices records the reversal of its credit payment and reopens.
    /// </summary>
    private async Task ReclaimCreditAsync(string accountId, string paymentId, Money rest, DateOnly date, CancellationToken cancellationToken)
    {
        // The return is decided against the balance it writes: only what the payment's rest actually booked is taken out.
        // A rest not booked yet (the payment's ingestion died before it) is never booked any more: the return's movement,
        // even of nothing, stands in the balance, and BookRestAsync books nothing beside it.
        var returnId = ReturnMovementId(paymentId);
        var zero = Money.Zero(rest.Currency);
        Stored<AccountCredit>? stored = null;
        for (var attempt = 0; stored is null && attempt < DocumentUpdate.DefaultMaxAttempts; attempt++)
        {
            stored = await store.UpdateAsync<AccountCredit>(accountId, AccountCredit.DocumentId, credit =>
                credit.Movements.Contains(returnId) ? null : credit.Reclaim(returnId, paymentId, credit.Movements.Contains(paymentId) ? rest : zero, date), cancellationToken)
                ?? await store.TryCreateAsync(accountId, AccountCredit.DocumentId, new AccountCredit
                {
                    AccountId = accountId, Balance = zero, Movements = [returnId], History = [new CreditMovement(returnId, zero, date, $"return of {paymentId} (nothing was booked)")],
                }, cancellationToken);
        }

        if (stored is null)
        {
            throw new ContentionException(DocumentKey.For<AccountCredit>(accountId, AccountCredit.DocumentId), DocumentUpdate.DefaultMaxAttempts);
        }

        foreach (var reclaim in stored.Value.History.Where(m => m.Id.StartsWith($"reclaim:{paymentId}:", StringComparison.Ordinal) && m.InvoiceId is not null && m.UseId is not null))
        {
            var usedId = reclaim.UseId!;
            var reversalId = Invoice.ReversalPrefix(usedId) + paymentId;
            await store.UpdateAsync<Invoice>(accountId, reclaim.InvoiceId!, invoice =>
                invoice.HasPayment(reversalId) ? null : invoice.ReversePayment(usedId, reversalId, reclaim.Amount, date), cancellationToken);
        }
    }

    /// <summary>The movement that records the return of <paramref name="paymentId"/> in the credit balance.</summary>
    public static string ReturnMovementId(string paymentId) => $"return:{paymentId}";

    private static string Why(Invoice invoice) => invoice.Status switch
    {
        InvoiceStatus.Paid => $"paid meanwhile{(invoice.Payments.LastOrDefault() is { } last ? $" by {last.PaymentId}" : "")}",
        InvoiceStatus.Open or InvoiceStatus.Uncollectible => $"{invoice.AmountDue.ToDecimalString()} was due",
        _ => $"it is {invoice.Status}",
    };
}
