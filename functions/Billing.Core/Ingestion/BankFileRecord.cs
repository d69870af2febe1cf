using Billing.Core.Storage;

namespace Billing.Core.Ingestion;

/// <summary>
/// One uploaded bank file, identified by the SHA-256 of its content (so the same file uploaded twice is
/// recognised): where it came from, when it was ingested and how that ended. Lives in the <c>bankfiles</c>
/// container, partitioned by its own id.
/// </summary>
public sealed record BankFileRecord : IDocument
{
    public static string DocumentType => "bankFile";

    public static string Container => Containers.BankFiles;

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string Id { get; init; }

    public required string FileName { get; init; }

    public required DateTimeOffset IngestedAt { get; init; }

    public required BankFileOutcome Outcome { get; init; }

    /// <summary>The detected format (camt.053, mt940, …), when the file could be read.</summary>
    public string? Format { get; init; }

    /// <summary>The error that sent the file to quarantine.</summary>
    public string? Error { get; init; }

    /// <summary>Where the file was moved (<c>processed/…</c> or <c>quarantine/…</c> in the bank-files container).</summary>
    public string? StoredPath { get; init; }

    /// <summary>The ingestion report (JSON) beside the stored file.</summary>
    public string? ReportPath { get; init; }
}

/// <summary>How the ingestion of a bank file ended.</summary>
public enum BankFileOutcome
{
    Processed,
    Quarantined,
}
