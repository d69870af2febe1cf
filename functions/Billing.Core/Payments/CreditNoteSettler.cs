using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// Settles an issued credit note, in idempotent steps decided against the versions written: (1) its credit enters the
/// account's credit balance (movement <c>creditnote:{id}</c>); (2) from there it is set against the account's open invoices
/// in its currency, oldest first, each use a movement <c>cn:{creditNote}:{invoice}</c> that the invoice records as a payment
/// (at most what it owes now); (3) the credit note records what went where and what is kept as credit, and is settled.
/// A crash between steps is finished by the retry (the issue step runs again); nothing is booked twice, two credit notes
/// settled at once never spend the same money (the balance cannot go below zero).
/// </summary>
public sealed class CreditNoteSettler(IDocumentStore store, PaymentLedger ledger, CreditBalanceApplication credit)
{
    /// <summary>Settles the credit note (once) and returns it as stored afterwards.</summary>
    public async Task<Stored<Invoice>> SettleAsync(Stored<Invoice> creditNote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        var note = creditNote.Value;
        if (!note.IsCreditNote || note.IsSettledCreditNote || !note.IsIssued)
        {
            return creditNote;
        }

        await ledger.BookCreditAsync(note.AccountId, $"creditnote:{note.Id}", _ => note.Credit, note.IssueDate,
            $"credit note {note.Number}", null, cancellationToken);

        var settlements = new List<CreditNoteSettlement>();
        var left = note.Credit;
        foreach (var open in await OpenInvoicesAsync(note, cancellationToken))
        {
            if (!left.IsPositive)
            {
                break;
            }

            if (!open.IsIssued)
            {
                continue;
            }

            var paymentId = Invoice.CreditNotePaymentId(note.Id, open.Id);
            var applied = await credit.ApplyAsync(open, paymentId, left, $"credit note {note.Number} set against {open.Number}", cancellationToken);
            var used = applied?.Amount ?? (await store.ReadAsync<Invoice>(open.AccountId, open.Id, cancellationToken))?.Value.PaidBy(paymentId) ?? Money.Zero(note.Currency);
            if (used.IsPositive)
            {
                settlements.Add(new CreditNoteSettlement(open.Id, open.Number, used, note.IssueDate));
                left -= used;
            }
        }

        return await store.UpdateExistingAsync<Invoice>(note.AccountId, note.Id, current =>
            current.IsSettledCreditNote ? null : current.SettleCredit(settlements, note.IssueDate), cancellationToken);
    }

    /// <summary>
    /// The account's invoices that still owe something in the credit note's currency, oldest first, and every invoice this
    /// credit note already debited the balance for (a crash may have come between the debit and the invoice's record:
    /// that use must be completed, or given back, even if the invoice was paid meanwhile).
    /// </summary>
    private async Task<List<Invoice>> OpenInvoicesAsync(Invoice note, CancellationToken cancellationToken)
    {
        var prefix = Invoice.CreditNotePaymentId(note.Id, "");
        var debited = (await store.ReadAsync<AccountCredit>(note.AccountId, AccountCredit.DocumentId, cancellationToken))?.Value.History
            .Where(m => m.Id.StartsWith(prefix, StringComparison.Ordinal) && m.InvoiceId is not null)
            .Select(m => m.InvoiceId!)
            .ToHashSet(StringComparer.Ordinal) ?? [];
        var open = new List<Invoice>();
        await foreach (var stored in store.QueryPartitionAsync<Invoice>(note.AccountId, cancellationToken))
        {
            var invoice = stored.Value;
            if (invoice.CanTakePayment && invoice.Currency == note.Currency && invoice.AmountDue.IsPositive)
            {
                open.Add(invoice);
            }
            else if (invoice.HasPayment(Invoice.CreditNotePaymentId(note.Id, invoice.Id)) || debited.Contains(invoice.Id))
            {
                open.Add(invoice); // paid (or debited for) by this very credit note before a crash: completed, not paid again
            }
        }

        return open.OrderBy(i => i.IssueDate).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
    }
}
