namespace Billing.Core.Storage;

/// <summary>
/// The document containers. <c>billing</c> is partitioned by account id and holds everything of one
/// account, so the hot paths are point reads and single-partition queries; the others hold what is not
/// owned by one account.
/// </summary>
public static class Containers
{
    /// <summary>Accounts, subscriptions, one-off charges, invoices, payments, notices; partition = account id.
    /// The catalog (plans) lives here too, in the partition <see cref="CatalogPartition"/>.</summary>
    public const string Billing = "billing";

    /// <summary>Ingested bank files and their entries; partition = file id.</summary>
    public const string BankFiles = "bankfiles";

    /// <summary>Report snapshots; partition = report name.</summary>
    public const string Reports = "reports";

    /// <summary>Invoice number sequences; partition = series.</summary>
    public const string Sequences = "sequences";

    /// <summary>The partition of <see cref="Billing"/> that holds the plans.</summary>
    public const string CatalogPartition = "_catalog";
}
