using Billing.Core.Monetary;
using Billing.Core.Storage;

namespace Billing.Core.Catalog;

/// <summary>
/// Something sold on subscription: a price per unit for one billing interval, billed in advance.
/// A plan's price is in one currency; a subscription's account must be billed in that currency.
/// </summary>
public sealed record Plan : IDocument
{
    public static string DocumentType => "plan";

    public static string Container => Containers.Billing;

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required BillingInterval Interval { get; init; }

    /// <summary>Price of one unit for one full interval, before VAT.</summary>
    public required Money UnitPrice { get; init; }

    public Plan Validated()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Id, nameof(Id));
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        if (!Enum.IsDefined(Interval))
        {
            throw new ArgumentException($"Plan {Id} has an unknown billing interval.", nameof(Interval));
        }

        if (UnitPrice.IsNegative)
        {
            throw new ArgumentException($"Plan {Id} has a negative price.", nameof(UnitPrice));
        }

        return this;
    }
}
