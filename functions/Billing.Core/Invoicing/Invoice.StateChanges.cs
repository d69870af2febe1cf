using Billing.Core.Monetary;

namespace Billing.Core.Invoicing;

/// <summary>
/// The invoice's state changes, each with its guard, so that the rules live in one place: an invoice is
/// <see cref="InvoiceStatus.Paid"/> exactly when nothing is due on it, a payment never takes it beyond its
/// total, a payment is recorded once (by id) and a return takes back exactly what it recorded. Every method
/// returns the changed invoice, or throws <see cref="InvalidInvoiceChangeException"/> naming the invoice and
/// the rule; callers decide with <see cref="AcceptableShare"/> first and never catch that exception.
/// </summary>
public sealed partial record Invoice
{
    /// <summary>Whether a payment may be applied now: issued (numbered), open or written off, and not a credit note.</summary>
    public bool CanTakePayment =>
        Number is not null && !IsCreditNote && Status is InvoiceStatus.Open or InvoiceStatus.Uncollectible;

    /// <summary>Whether <paramref name="paymentId"/> is already recorded on the invoice.</summary>
    public bool HasPayment(string paymentId) => Payments.Any(p => p.PaymentId == paymentId);

    /// <summary>The amount recorded for <paramref name="paymentId"/>, or null.</summary>
    public Money? PaidBy(string paymentId) => Payments.FirstOrDefault(p => p.PaymentId == paymentId)?.Amount;

    /// <summary>
    /// How much of <paramref name="offered"/> this version of the invoice accepts: at most what is due, nothing when it
    /// cannot take a payment (paid, void, a draft, a credit note) or is in another currency.
    /// </summary>
    public Money AcceptableShare(Money offered)
    {
        if (!CanTakePayment || offered.Currency != Currency || !AmountDue.IsPositive || !offered.IsPositive)
        {
            return Money.Zero(offered.Currency);
        }

        return Money.Min(offered, AmountDue);
    }

    /// <summary>
    /// Records a payment; the invoice becomes paid when nothing is due any more, on the latest date of its payments (so
    /// nothing of it is open on any date from <see cref="PaidDate"/> on, even when payments were booked out of order:
    /// the reports select paid invoices by that date).
    /// </summary>
    public Invoice ApplyPayment(InvoicePayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        Require(!HasPayment(payment.PaymentId), $"payment {payment.PaymentId} is already recorded");
        Require(CanTakePayment, $"it cannot take a payment while {Status}{(IsCreditNote ? " (a credit note)" : "")}");
        Require(payment.Amount.Currency == Currency, $"payment {payment.PaymentId} is in {payment.Amount.Currency.Code}, the invoice in {Currency.Code}");
        Require(payment.Amount.IsPositive, $"payment {payment.PaymentId} of {payment.Amount} is not positive");
        Require(payment.Amount <= AmountDue, $"payment {payment.PaymentId} of {payment.Amount} exceeds the {AmountDue} due");
        var paid = this with { AmountPaid = AmountPaid + payment.Amount, Payments = [.. Payments, payment] };
        return paid.AmountDue.IsZero ? paid with { Status = InvoiceStatus.Paid, PaidDate = paid.Payments.Max(p => p.Date) } : paid;
    }

    /// <summary>Takes back what <paramref name="paymentId"/> paid (a return); a paid invoice reopens. Nothing recorded: unchanged.</summary>
    public Invoice RemovePayment(string paymentId)
    {
        if (Payments.FirstOrDefault(p => p.PaymentId == paymentId) is not { } recorded)
        {
            return this;
        }

        return (this with { AmountPaid = AmountPaid - recorded.Amount, Payments = Payments.Where(p => p.PaymentId != paymentId).ToList() }).ReopenedIfDue();
    }

    /// <summary>
    /// Takes back <paramref name="amount"/> of what <paramref name="paymentId"/> paid, recording the reversal as its own
    /// entry <paramref name="reversalId"/> (a negative amount), so the original stays visible and a replay sees the reversal.
    /// </summary>
    public Invoice ReversePayment(string paymentId, string reversalId, Money amount, DateOnly date)
    {
        Require(!HasPayment(reversalId), $"reversal {reversalId} is already recorded");
        var recorded = PaidBy(paymentId) ?? throw Invalid($"payment {paymentId} is not recorded");
        var reversed = Payments.Where(p => p.PaymentId.StartsWith(ReversalPrefix(paymentId), StringComparison.Ordinal)).Aggregate(Money.Zero(Currency), (s, p) => s - p.Amount);
        Require(amount.IsPositive && amount <= recorded - reversed, $"cannot reverse {amount} of payment {paymentId}: {recorded - reversed} is left of it");
        return (this with { AmountPaid = AmountPaid - amount, Payments = [.. Payments, new InvoicePayment(reversalId, -amount, date)] }).ReopenedIfDue();
    }

    /// <summary>The id prefix of the reversals of <paramref name="paymentId"/> (<see cref="ReversePayment"/>).</summary>
    public static string ReversalPrefix(string paymentId) => $"reversal:{paymentId}:";

    /// <summary>Issues the draft under <paramref name="number"/> (handed out by <see cref="InvoiceNumberSequence"/>): it gets
    /// its creditor reference and becomes open (paid when nothing is due). A draft is numbered once: this throws when the
    /// invoice already has a number.</summary>
    public Invoice Finalize(string number, DateTimeOffset finalizedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        Require(Number is null, $"it already has number {Number}, so it cannot be numbered {number}");
        return this with
        {
            Number = number,
            Status = GrossTotal.IsZero ? InvoiceStatus.Paid : InvoiceStatus.Open,
            CreditorReference = Invoicing.CreditorReference.Create(number),
            FinalizedAt = finalizedAt,
        };
    }

    /// <summary>Claims the sending of the email at <paramref name="now"/> (a lease, see <c>InvoiceMailer</c>).</summary>
    public Invoice ClaimEmail(DateTimeOffset now)
    {
        Require(EmailedAt is null, "it was emailed already");
        return this with { EmailClaimedAt = now };
    }

    /// <summary>Records that the email was accepted by the provider; the claim ends.</summary>
    public Invoice MarkEmailed(DateTimeOffset now) => EmailedAt is not null ? this : this with { EmailedAt = now };

    /// <summary>Records where the rendered PDF and UBL documents are (written once, never rewritten).</summary>
    public Invoice WithDocuments(string pdfPath, string ublPath)
    {
        Require(Number is not null, "a draft has no documents");
        return this with { PdfPath = pdfPath, UblPath = ublPath };
    }

    /// <summary>A customer disputes the invoice; dunning leaves it alone.</summary>
    public Invoice Dispute(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return this with { DisputeReason = reason };
    }

    /// <summary>The dispute is settled; dunning resumes.</summary>
    public Invoice Undispute() => this with { DisputeReason = null };

    /// <summary>Hands the invoice over to collections: written off as uncollectible (payments still accepted).</summary>
    public Invoice WriteOff()
    {
        Require(Status is InvoiceStatus.Open or InvoiceStatus.Uncollectible, $"only an open invoice can be written off, not a {Status} one");
        return this with { Status = InvoiceStatus.Uncollectible };
    }

    /// <summary>A paid invoice on which something is due again is open again (the other half of "paid ⇔ nothing due").</summary>
    private Invoice ReopenedIfDue() =>
        Status == InvoiceStatus.Paid && AmountDue.IsPositive ? this with { Status = InvoiceStatus.Open, PaidDate = null } : this;

    private void Require(bool rule, string what)
    {
        if (!rule)
        {
            throw Invalid(what);
        }
    }

    private InvalidInvoiceChangeException Invalid(string what) => new(Id, Number, what);
}
