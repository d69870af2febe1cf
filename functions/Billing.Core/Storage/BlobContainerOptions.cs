namespace Billing.Core.Storage;

/// <summary>Names of the blob containers (settings INVOICES_CONTAINER, BANK_FILES_CONTAINER, REPORTS_CONTAINER).</summary>
public sealed class BlobContainerOptions
{
    public string Invoices { get; set; } = "invoices";

    public string BankFiles { get; set; } = "bank-files";

    public string Reports { get; set; } = "reports";
}
