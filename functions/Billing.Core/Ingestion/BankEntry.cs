using Billing.Core.Matching;

namespace Billing.Core.Ingestion;

/// <summary>One entry of a bank file as ingestion handles it: its <see cref="BankTransaction"/>, what kind of entry it is, its identity and amount.</summary>
public sealed record BankEntry : BankTransaction
{
    public required BankEntryKind Kind { get; init; }

    /// <summary>Deterministic payment id (<c>pay-…</c>) derived from <see cref="Identity"/>.</summary>
    public required string PaymentId { get; init; }

    public required string Identity { get; init; }

    /// <summary>Unsigned amount as written.</summary>
    public required decimal Amount { get; init; }

    public required string CurrencyCode { get; init; }

    public string? ReturnReason { get; init; }

    /// <summary>References a return may quote to name the payment it returns.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary>What an entry is for ingestion.</summary>
public enum BankEntryKind
{
    /// <summary>Money in from a customer: matched and applied, or parked.</summary>
    Credit,

    /// <summary>Money taken back: a return or reversal of an earlier incoming payment.</summary>
    Return,

    /// <summary>A credit that reverses one of our own outgoing payments: parked for a person.</summary>
    ReversalCredit,

    /// <summary>An ordinary outgoing payment: not ours to match.</summary>
    Debit,

    /// <summary>Pending or information only: not booked yet, so not applied.</summary>
    NotBooked,

    /// <summary>On an account that is not the company's.</summary>
    UnknownAccount,

    /// <summary>A currency this system does not know.</summary>
    UnsupportedCurrency,

    /// <summary>A NACHA notification of change: no money moved.</summary>
    Notice,
}
