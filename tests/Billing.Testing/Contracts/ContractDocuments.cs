using Billing.Core.Storage;

namespace Billing.Testing.Contracts;

/// <summary>A document kind used only by the contract tests (lives in the billing container).</summary>
public sealed record ContractNote : IDocument
{
    public static string DocumentType => "contractNote";

    public static string Container => Containers.Billing;

    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Text { get; init; }

    public int Revision { get; init; }

    /// <summary>An indexed property (<c>status</c>) for the query contract; absent when null.</summary>
    public string? Status { get; init; }

    /// <summary>An indexed property (<c>dueDate</c>) for the range conditions of the query contract.</summary>
    public DateOnly? DueDate { get; init; }
}

/// <summary>A second kind in the same container, so queries can prove they filter by type.</summary>
public sealed record ContractTag : IDocument
{
    public static string DocumentType => "contractTag";

    public static string Container => Containers.Billing;

    public required string Id { get; init; }

    public required string AccountId { get; init; }
}
