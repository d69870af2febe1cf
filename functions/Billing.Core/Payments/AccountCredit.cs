using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Payments;

/// <summary>
/// An account's credit balance (overpayments, credit notes), used automatically on its next invoice. It
/// records the ids of the movements already booked, so applying the same payment or invoice twice books
/// it once.
/// </summary>
public sealed record AccountCredit : IDocument
{
    public const string DocumentId = "credit-balance";

    public static string DocumentType => "accountCredit";

    public static string Container => Containers.Billing;

    public required string AccountId { get; init; }

    public required Money Balance { get; init; }

    /// <summary>Ids of the movements (payment ids, invoice ids) already booked into the balance.</summary>
    public IReadOnlyList<string> Movements { get; init; } = [];

    /// <summary>The movements with their signed amounts (+ overpayment, − used on an invoice or undone by a return).</summary>
    public IReadOnlyList<CreditMovement> History { get; init; } = [];

    /// <summary>The balance with one more movement; a balance never goes below zero.</summary>
    public AccountCredit Book(CreditMovement movement)
    {
        ArgumentNullException.ThrowIfNull(movement);
        if (Movements.Contains(movement.Id))
        {
            throw new InvalidOperationException($"Movement {movement.Id} is already booked on the credit balance of {AccountId}.");
        }

        var balance = Balance + movement.Amount;
        if (balance.IsNegative)
        {
            throw new InvalidOperationException($"Movement {movement.Id} of {movement.Amount} would take the credit balance of {AccountId} below zero ({Balance}).");
        }

        return this with { Balance = balance, Movements = [.. Movements, movement.Id], History = [.. History, movement] };
    }

    /// <summary>
    /// Takes a returned overpayment <paramref name="rest"/> out of the balance (movement <paramref name="returnId"/>). What the
    /// balance does not hold any more was spent on invoices; that part is reclaimed from them, newest use first, as movements
    /// <c>reclaim:{paymentId}:{invoiceId}</c> (each names its invoice), so the balance ends at zero or above and the invoices
    /// can take the reclaimed credit back off (they reopen).
    /// </summary>
    public AccountCredit Reclaim(string returnId, string paymentId, Money rest, DateOnly date)
    {
        var movements = new List<CreditMovement>();
        var shortfall = rest - Money.Max(Money.Min(Balance, rest), Money.Zero(rest.Currency));
        foreach (var (invoiceId, useId, used) in SpentOnInvoices().Reverse())
        {
            if (!shortfall.IsPositive)
            {
                break;
            }

            var take = Money.Min(used, shortfall);
            movements.Add(new CreditMovement($"reclaim:{paymentId}:{useId}", take, date, $"taken back from invoice {invoiceId}: the overpayment {paymentId} that paid it was returned", invoiceId, useId));
            shortfall -= take;
        }

        // Any shortfall left was never spent on an invoice that can be reopened: the balance cannot hold it and nothing owes it.
        movements.Add(new CreditMovement(returnId, -(rest - shortfall), date, $"return of {paymentId}"));
        var booked = this;
        foreach (var movement in movements)
        {
            booked = booked.Book(movement);
        }

        return booked;
    }

    /// <summary>What the balance paid on invoices and has not taken back yet, per use, in the order it was spent.</summary>
    public IEnumerable<(string InvoiceId, string UseId, Money Amount)> SpentOnInvoices()
    {
        var order = new List<(string InvoiceId, string UseId)>();
        var net = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var movement in History)
        {
            if (movement.InvoiceId is not { } invoiceId || (movement.UseId ?? movement.Id) is not { } useId)
            {
                continue;
            }

            if (!net.TryGetValue(useId, out var sum))
            {
                order.Add((invoiceId, useId));
                sum = Money.Zero(movement.Amount.Currency);
            }

            net[useId] = sum - movement.Amount;
        }

        return order.Where(u => net[u.UseId].IsPositive).Select(u => (u.InvoiceId, u.UseId, net[u.UseId]));
    }
}

/// <summary>
/// One booking into a credit balance: its id (the payment, <c>credit:{invoiceId}</c> when used on an invoice…), signed
/// amount, date and why. A use on an invoice names the invoice (<see cref="InvoiceId"/>) and is its own
/// <see cref="UseId"/>, the id under which the invoice records the payment; a give-back or a reclaim of (part of) that use
/// names the same invoice and use.
/// </summary>
public sealed record CreditMovement(string Id, Money Amount, DateOnly Date, string Reason, string? InvoiceId = null, string? UseId = null);
