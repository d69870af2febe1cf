using Billing.Core.Monetary;

namespace Billing.Core.Invoicing;

/// <summary>
/// How a credit note's credit was settled. When it is issued its credit is set against the account's open invoices in its
/// currency, oldest first (each recorded on the invoice as a payment <c>cn:{creditNoteId}:{invoiceId}</c> and here as a
/// <see cref="CreditNoteSettlement"/>), and what is left is kept as the account's credit balance, which the next invoice
/// uses (BT-113) or a person refunds. A credit note whose credit is all placed is <see cref="InvoiceStatus.Paid"/>
/// (settled): nothing of it is open any more.
/// </summary>
public sealed partial record Invoice
{
    /// <summary>A credit note: what its credit paid on which invoice.</summary>
    public IReadOnlyList<CreditNoteSettlement> Settlements { get; init; } = [];

    /// <summary>A credit note: the part of its credit kept as the account's credit balance (null until it is settled).</summary>
    public Money? KeptAsCredit { get; init; }

    /// <summary>A credit note: the parts of its kept credit paid back to the customer by hand (<c>billing credit refund</c>).</summary>
    public IReadOnlyList<CreditNoteRefund> Refunds { get; init; } = [];

    /// <summary>The credit note's credit as a positive amount (zero for an invoice).</summary>
    public Money Credit => IsCreditNote ? -GrossTotal : Money.Zero(Currency);

    /// <summary>Whether the credit note's credit has been placed (set against invoices and/or kept as credit).</summary>
    public bool IsSettledCreditNote => IsCreditNote && KeptAsCredit is not null;

    /// <summary>The settled credit note: every amount placed, nothing due any more.</summary>
    public Invoice SettleCredit(IReadOnlyList<CreditNoteSettlement> settlements, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(settlements);
        if (!IsCreditNote)
        {
            throw new InvalidInvoiceChangeException(Id, Number, "only a credit note is settled");
        }

        var placed = settlements.Aggregate(Money.Zero(Currency), (sum, s) => sum + s.Amount);
        if (placed > Credit)
        {
            throw new InvalidInvoiceChangeException(Id, Number, $"settlements of {placed} exceed the credit of {Credit}");
        }

        // Recorded as (negative) payments too, so that what is open of the credit note at any date is its total less them.
        var kept = Credit - placed;
        List<InvoicePayment> payments = [.. settlements.Select(s => new InvoicePayment(CreditNotePaymentId(Id, s.InvoiceId), -s.Amount, s.Date))];
        if (kept.IsPositive)
        {
            payments.Add(new InvoicePayment($"kept:{Id}", -kept, date));
        }

        return this with
        {
            Settlements = settlements, KeptAsCredit = kept, AmountPaid = GrossTotal, Payments = [.. Payments, .. payments], Status = InvoiceStatus.Paid,
            PaidDate = Payments.Concat(payments).Select(p => p.Date).Append(date).Max(),
        };
    }

    /// <summary>The payment id under which a credit note's credit is recorded on an invoice it pays.</summary>
    public static string CreditNotePaymentId(string creditNoteId, string invoiceId) => $"cn:{creditNoteId}:{invoiceId}";
}

/// <summary>Part of a credit note's kept credit refunded: the refund's reference, amount and date.</summary>
public sealed record CreditNoteRefund(string Reference, Money Amount, DateOnly Date);

/// <summary>Part of a credit note's credit set against an invoice.</summary>
public sealed record CreditNoteSettlement(string InvoiceId, string InvoiceNumber, Money Amount, DateOnly Date);
