using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// Books a payment's effects, each idempotently so that a replay finishes what a crash left half done and
/// changes nothing else: every allocation is added to its invoice once (the invoice's <see cref="Invoice.Payments"/>
/// records the payment id; ETag replace, retried on conflict), and the rest is booked into the account's
/// <see cref="AccountCredit"/> once (its movements record the id). An invoice is paid (with its paid date) when
/// nothing is due any more, and reopens when a return takes the money back.
/// </summary>
public sealed class PaymentLedger(IDocumentStore store)
{
    private const int MaxAttempts = 50;

    /// <summary>Applies every allocation and the credit rest of an applied payment.</summary>
    public async Task ApplyAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        foreach (var allocation in payment.Allocations)
        {
            await UpdateInvoiceAsync(payment.AccountId, allocation.InvoiceId, invoice =>
                invoice.Payments.Any(p => p.PaymentId == payment.Id) ? null : WithPayment(invoice, new InvoicePayment(payment.Id, allocation.Amount, payment.BookingDate)),
                cancellationToken);
        }

        if (payment.CreditedToBalance is { IsPositive: true } rest)
        {
            await BookCreditAsync(payment.AccountId, payment.Id, rest, payment.BookingDate, $"overpayment {payment.Id}", cancellationToken);
        }
    }

    /// <summary>Takes back what a returned payment paid: its invoice payments, and its credit rest.</summary>
    public async Task UndoAsync(Payment payment, DateOnly returnedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        foreach (var allocation in payment.Allocations)
        {
            await UpdateInvoiceAsync(payment.AccountId, allocation.InvoiceId, invoice =>
                invoice.Payments.FirstOrDefault(p => p.PaymentId == payment.Id) is { } paid ? WithoutPayment(invoice, paid) : null,
                cancellationToken);
        }

        if (payment.CreditedToBalance is { IsPositive: true } rest)
        {
            await BookCreditAsync(payment.AccountId, $"return:{payment.Id}", -rest, returnedOn, $"return of {payment.Id}", cancellationToken);
        }
    }

    /// <summary>Books a signed movement into the account's credit balance unless a movement with <paramref name="movementId"/> is already there.</summary>
    public async Task<Stored<AccountCredit>> BookCreditAsync(
        string accountId, string movementId, Money amount, DateOnly date, string reason, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.ReadAsync<AccountCredit>(accountId, AccountCredit.DocumentId, cancellationToken);
            var movement = new CreditMovement(movementId, amount, date, reason);
            if (current is null)
            {
                var created = await store.TryCreateAsync(accountId, AccountCredit.DocumentId, new AccountCredit
                {
                    AccountId = accountId, Balance = amount, Movements = [movementId], History = [movement],
                }, cancellationToken);
                if (created is not null)
                {
                    return created;
                }

                continue;
            }

            if (current.Value.Movements.Contains(movementId))
            {
                return current;
            }

            var credit = current.Value;
            try
            {
                return await store.ReplaceAsync(accountId, AccountCredit.DocumentId, credit with
                {
                    Balance = credit.Balance + amount, Movements = [.. credit.Movements, movementId], History = [.. credit.History, movement],
                }, current.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone booked another movement meanwhile: read again.
            }
        }

        throw new InvalidOperationException($"The credit balance of account {accountId} stayed contended for {MaxAttempts} attempts.");
    }

    /// <summary>Reads, changes (null = nothing to do) and replaces an invoice, retrying on conflicts.</summary>
    public async Task<Stored<Invoice>?> UpdateInvoiceAsync(
        string accountId, string invoiceId, Func<Invoice, Invoice?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.ReadAsync<Invoice>(accountId, invoiceId, cancellationToken)
                ?? throw new InvalidOperationException($"Invoice {invoiceId} of account {accountId} does not exist.");
            if (change(current.Value) is not { } changed)
            {
                return current;
            }

            try
            {
                return await store.ReplaceAsync(accountId, invoiceId, changed, current.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Changed meanwhile (another payment, the mailer): apply the change to the new version.
            }
        }

        throw new InvalidOperationException($"Invoice {invoiceId} stayed contended for {MaxAttempts} attempts.");
    }

    /// <summary>The invoice with one more payment; paid (on the payment's date) once nothing is due.</summary>
    public static Invoice WithPayment(Invoice invoice, InvoicePayment payment)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payment);
        var paid = invoice with { AmountPaid = invoice.AmountPaid + payment.Amount, Payments = [.. invoice.Payments, payment] };
        return paid.AmountDue.IsPositive || paid.Status != InvoiceStatus.Open ? paid : paid with { Status = InvoiceStatus.Paid, PaidDate = payment.Date };
    }

    /// <summary>The invoice without <paramref name="payment"/>; a paid invoice reopens when something is due again.</summary>
    public static Invoice WithoutPayment(Invoice invoice, InvoicePayment payment)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payment);
        var unpaid = invoice with { AmountPaid = invoice.AmountPaid - payment.Amount, Payments = invoice.Payments.Where(p => p.PaymentId != payment.PaymentId).ToList() };
        return unpaid.Status == InvoiceStatus.Paid && unpaid.AmountDue.IsPositive ? unpaid with { Status = InvoiceStatus.Open, PaidDate = null } : unpaid;
    }
}
