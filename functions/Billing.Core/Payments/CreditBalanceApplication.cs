using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// Uses an account's credit balance on an invoice, as a prepaid amount (EN 16931 BT-113), in three idempotent steps, each
/// decided against the version it writes: (1) debit the balance with a use movement (<c>credit:{invoiceId}</c> when the
/// invoice is issued, <c>cn:{creditNote}:{invoice}</c> when a credit note is set against it), at most what the balance
/// holds and what is due (two invoices never spend the same money); (2) record on the invoice an
/// <see cref="InvoicePayment"/> with the use's id, at most what is still due now (a bank payment may have arrived meanwhile);
/// (3) give back to the balance what the invoice did not take (<c>back:{use}</c>). Calling it again after a crash between
/// the steps, or on a retried issue, books nothing twice. Credit notes and other currencies are left alone.
/// </summary>
public sealed class CreditBalanceApplication(IDocumentStore store, PaymentLedger ledger)
{
    public static string MovementIdFor(string invoiceId) => $"credit:{invoiceId}";

    public static string GiveBackIdFor(string useId) => $"back:{useId}";

    /// <summary>Applies available credit to the (open, numbered) invoice when it is issued; null when none was used.</summary>
    public Task<CreditApplied?> ApplyAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return ApplyAsync(invoice, MovementIdFor(invoice.Id), null, $"used on invoice {invoice.Number ?? invoice.Id}", cancellationToken);
    }

    /// <summary>Applies at most <paramref name="limit"/> of the balance to the invoice as the use <paramref name="useId"/>; null when none was used now.</summary>
    public async Task<CreditApplied?> ApplyAsync(Invoice invoice, string useId, Money? limit, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.IsCreditNote || invoice.HasPayment(useId))
        {
            return null;
        }

        var credit = await ledger.BookCreditAsync(invoice.AccountId, useId, balance =>
            balance is { IsPositive: true } b && b.Currency == invoice.Currency && invoice.AcceptableShare(limit is { } l ? Money.Min(b, l) : b) is { IsPositive: true } use ? -use : null,
            invoice.IssueDate, reason, invoice.Id, cancellationToken, useId);
        if (credit?.Value.History.FirstOrDefault(m => m.Id == useId) is not { } booked || credit.Value.Movements.Contains(GiveBackIdFor(useId)))
        {
            return null;
        }

        var debited = -booked.Amount;
        var updated = await store.UpdateExistingAsync<Invoice>(invoice.AccountId, invoice.Id, current =>
            !current.HasPayment(useId) && current.AcceptableShare(debited) is { IsPositive: true } share
                ? current.ApplyPayment(new InvoicePayment(useId, share, booked.Date))
                : null, cancellationToken);
        var used = updated.Value.PaidBy(useId) ?? Money.Zero(debited.Currency);
        if (used < debited)
        {
            await ledger.BookCreditAsync(invoice.AccountId, GiveBackIdFor(useId), _ => debited - used, booked.Date,
                $"not needed by invoice {invoice.Number ?? invoice.Id} (paid meanwhile)", invoice.Id, cancellationToken, useId);
        }

        return used.IsPositive ? new CreditApplied(updated, used) : null;
    }
}

/// <summary>Credit balance used on an invoice: the invoice as stored afterwards and the amount.</summary>
public sealed record CreditApplied(Stored<Invoice> Invoice, Money Amount);
