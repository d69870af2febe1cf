using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Subscriptions;

/// <summary>A charge billed once, on the first invoice of the account on or after <see cref="Date"/>.</summary>
public sealed record OneOffCharge : IDocument
{
    public static string DocumentType => "charge";

    public static string Container => Containers.Billing;

    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required DateOnly Date { get; init; }

    public required string Description { get; init; }

    public decimal Quantity { get; init; } = 1m;

    public required Money UnitPrice { get; init; }
}
