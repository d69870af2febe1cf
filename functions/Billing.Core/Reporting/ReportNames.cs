namespace Billing.Core.Reporting;

/// <summary>
/// The names of the report snapshots: each is the partition of its snapshots in the <c>reports</c> container, the
/// stem of its blobs (<c>{yyyy-MM-dd}/{name}.html</c>) and the prefix of its snapshot ids (<c>{name}-{yyyy-MM-dd}</c>).
/// </summary>
public static class ReportNames
{
    /// <summary>Accounts receivable by days past due, the largest debtors, the change since the previous snapshot.</summary>
    public const string Aging = "aging";

    /// <summary>Billed revenue by month, plan and currency (net, VAT, gross), credit notes included.</summary>
    public const string Revenue = "revenue";

    /// <summary>Cash collected by month, DSO, and the auto-match rate of ingested payments by rule.</summary>
    public const string Cash = "cash";

    /// <summary>Dunning notices per stage, invoices paid after each stage, amount recovered.</summary>
    public const string DunningFunnel = "dunning";

    /// <summary>Parked payments by age and account credit balances.</summary>
    public const string UnappliedCash = "unapplied";

    /// <summary>The billing report of a closed month.</summary>
    public const string MonthClose = "close-month";

    /// <summary>The billing report of a closed quarter.</summary>
    public const string QuarterClose = "close-quarter";

    /// <summary>The billing report of a closed year.</summary>
    public const string YearClose = "close-year";

    /// <summary>The daily snapshots, in the order the index lists them.</summary>
    public static IReadOnlyList<string> Daily { get; } = [Aging, Revenue, Cash, DunningFunnel, UnappliedCash];
}
