using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// Pays an account's credit balance back to the customer (<c>billing credit refund ACCOUNT AMOUNT</c>), after finance sent
/// the transfer: the balance is debited with the movement <c>refund:{reference}</c> (never below zero; the same reference
/// twice refunds once), and the credit notes whose kept credit the refund pays back record it, newest first, so each one
/// says it was refunded and when.
/// </summary>
public sealed class CreditRefunds(IDocumentStore store, PaymentLedger ledger)
{
    /// <summary>Refunds <paramref name="amount"/>; returns the balance afterwards.</summary>
    /// <exception cref="CreditRefundException">The account has no such balance, or it is in another currency.</exception>
    public async Task<CreditRefundResult> RefundAsync(string accountId, Money amount, string reference, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (!amount.IsPositive)
        {
            throw new CreditRefundException($"expected a positive amount to refund, found {amount.ToDecimalString()}");
        }

        var movementId = $"refund:{reference}";
        var current = await store.ReadAsync<AccountCredit>(accountId, AccountCredit.DocumentId, cancellationToken);
        var already = current?.Value.Movements.Contains(movementId) == true;
        if (!already && (current is null || current.Value.Balance.Currency != amount.Currency || current.Value.Balance < amount))
        {
            throw new CreditRefundException(current is null
                ? $"account {accountId} has no credit balance"
                : $"account {accountId} has a credit balance of {current.Value.Balance.ToDecimalString()} {current.Value.Balance.Currency.Code}; cannot refund {amount.ToDecimalString()} {amount.Currency.Code}");
        }

        var after = await ledger.BookCreditAsync(accountId, movementId,
            balance => balance is { } b && b.Currency == amount.Currency && b >= amount ? -amount : null, date, $"refunded ({reference})", null, cancellationToken);
        if (after is null || !after.Value.Movements.Contains(movementId))
        {
            throw new CreditRefundException($"the credit balance of account {accountId} changed meanwhile and no longer covers {amount.ToDecimalString()}");
        }

        await RecordOnCreditNotesAsync(accountId, amount, reference, date, cancellationToken);
        return new CreditRefundResult(after.Value.Balance, already);
    }

    private async Task RecordOnCreditNotesAsync(string accountId, Money amount, string reference, DateOnly date, CancellationToken cancellationToken)
    {
        var notes = new List<Invoice>();
        await foreach (var stored in store.QueryPartitionAsync<Invoice>(accountId, cancellationToken))
        {
            if (stored.Value.KeptAsCredit is { IsPositive: true } && stored.Value.Currency == amount.Currency)
            {
                notes.Add(stored.Value);
            }
        }

        var left = amount - notes.SelectMany(n => n.Refunds).Where(r => r.Reference == reference).Aggregate(Money.Zero(amount.Currency), (s, r) => s + r.Amount);
        foreach (var note in notes.OrderByDescending(n => n.IssueDate).ThenByDescending(n => n.Number, StringComparer.Ordinal))
        {
            var open = note.KeptAsCredit!.Value - note.Refunds.Aggregate(Money.Zero(amount.Currency), (s, r) => s + r.Amount);
            if (!left.IsPositive || !open.IsPositive || note.Refunds.Any(r => r.Reference == reference))
            {
                continue;
            }

            var share = Money.Min(open, left);
            await store.UpdateExistingAsync<Invoice>(accountId, note.Id, current =>
                current.Refunds.Any(r => r.Reference == reference) ? null : current with { Refunds = [.. current.Refunds, new CreditNoteRefund(reference, share, date)] }, cancellationToken);
            left -= share;
        }
    }
}

/// <summary>The balance after a refund; <see cref="AlreadyRefunded"/> when the reference had been refunded before (nothing changed).</summary>
public sealed record CreditRefundResult(Money Balance, bool AlreadyRefunded);

/// <summary>A refund that cannot be made; the message says why.</summary>
public sealed class CreditRefundException(string message) : InvalidOperationException(message);
