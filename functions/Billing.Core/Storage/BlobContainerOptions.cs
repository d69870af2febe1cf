namespace Billing.Core.Storage;

/// <summary>Names of the blob containers (settings INVOICES_CONTAINER, BANK_FILES_CONTAINER, BANK_ARCHIVE_CONTAINER, REPORTS_CONTAINER).</summary>
public sealed class BlobContainerOptions
{
    public string Invoices { get; set; } = "invoices";

    public string BankFiles { get; set; } = "bank-files";

    public string Reports { get; set; } = "reports";

    /// <summary>
    /// Where ingestion keeps the bank files it processed, with their reports, written once (create-if-absent) under
    /// <c>processed/</c>: in Azure a container with version-level immutability (WORM), apart from <see cref="BankFiles"/>,
    /// whose <c>incoming/</c> and <c>decisions/</c> files are moved and deleted.
    /// </summary>
    public string BankArchive { get; set; } = "bank-archive";
}
