using Billing.Core.Storage;

namespace Billing.Core.Ingestion;

/// <summary>
/// The statements ingested lately for one own account in one currency, oldest first (at most <see cref="MaxLinks"/>):
/// what the next file's statement of that account must continue (<see cref="StatementChains"/>). One small document
/// per account and currency in the bank-files container; id and partition key are <see cref="IdOf"/>.
/// </summary>
public sealed record StatementChain : IDocument
{
    /// <summary>Links kept: enough for late and out-of-order files, bounded whatever the history.</summary>
    public const int MaxLinks = 32;

    public static string DocumentType => "statementChain";

    public static string Container => Containers.BankFiles;

    public required string Id { get; init; }

    public required string Account { get; init; }

    public required string Currency { get; init; }

    public IReadOnlyList<StatementLink> Links { get; init; } = [];

    /// <summary>The deterministic id of the chain of <paramref name="account"/> (a normalised IBAN) in <paramref name="currency"/>.</summary>
    public static string IdOf(string account, string currency) => $"statement-chain-{account}-{currency}";
}
