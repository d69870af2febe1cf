using Billing.Core.Invoicing;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// Uses an account's credit balance on a newly issued invoice, as a prepaid amount (EN 16931 BT-113): the
/// credit balance is debited first with the movement <c>credit:{invoiceId}</c> (ETag, so two invoices never
/// spend the same money), then the invoice gets an <see cref="InvoicePayment"/> with that id and the amount
/// the movement recorded. Both steps skip what is already done, so calling it again — after a crash between
/// them, or on a retried issue — books nothing twice. Credit notes and invoices in another currency are left alone.
/// </summary>
public sealed class CreditBalanceApplication(IDocumentStore store, PaymentLedger ledger)
{
    public static string MovementIdFor(string invoiceId) => $"credit:{invoiceId}";

    /// <summary>Applies available credit to the (open, numbered) invoice; returns the invoice as stored afterwards, or the
    /// given instance itself when there was nothing to apply (so a caller can tell whether it changed).</summary>
    public async Task<Invoice> ApplyAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var movementId = MovementIdFor(invoice.Id);
        if (invoice.IsCreditNote || invoice.Payments.Any(p => p.PaymentId == movementId))
        {
            return invoice;
        }

        var credit = await store.ReadAsync<AccountCredit>(invoice.AccountId, AccountCredit.DocumentId, cancellationToken);
        if (credit is null || credit.Value.Balance.Currency != invoice.Currency)
        {
            return invoice;
        }

        var booked = credit.Value.History.FirstOrDefault(m => m.Id == movementId);
        if (booked is null)
        {
            if (!credit.Value.Balance.IsPositive || invoice.Status != InvoiceStatus.Open || !invoice.AmountDue.IsPositive)
            {
                return invoice;
            }

            var use = Monetary.Money.Min(credit.Value.Balance, invoice.AmountDue);
            var after = await ledger.BookCreditAsync(invoice.AccountId, movementId, -use, invoice.IssueDate, $"used on invoice {invoice.Number ?? invoice.Id}", cancellationToken);
            booked = after.Value.History.First(m => m.Id == movementId);
        }

        var updated = await ledger.UpdateInvoiceAsync(invoice.AccountId, invoice.Id, current =>
            current.Payments.Any(p => p.PaymentId == movementId) ? null : PaymentLedger.WithPayment(current, new InvoicePayment(movementId, -booked.Amount, invoice.IssueDate)),
            cancellationToken);
        return updated!.Value;
    }
}
