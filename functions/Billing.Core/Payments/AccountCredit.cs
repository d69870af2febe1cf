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
}

/// <summary>One booking into a credit balance: its id (the payment or <c>credit:{invoiceId}</c>), signed amount, date and why.</summary>
public sealed record CreditMovement(string Id, Money Amount, DateOnly Date, string Reason);
