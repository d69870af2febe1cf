namespace Billing.Core.Ingestion;

/// <summary>
/// What an ingestion did (or, on a dry run, would do): serialised with <c>BillingJson</c> for <c>billing ingest --json</c>
/// and stored beside the file as <c>….report.json</c> (and <c>….report.txt</c>, <see cref="IngestionReportText"/>).
/// Amounts are decimal strings per currency.
/// </summary>
public sealed record BankFileIngestionReport
{
    public required string FileName { get; init; }

    /// <summary>SHA-256 of the content (lower-case hex): the bank file's id.</summary>
    public required string FileId { get; init; }

    public required IngestionOutcome Outcome { get; init; }

    public bool DryRun { get; init; }

    public required DateTimeOffset IngestedAt { get; init; }

    public string? Format { get; init; }

    /// <summary>Where the file now is in the bank-files container (processed/…, quarantine/…, duplicates/…).</summary>
    public string? StoredPath { get; init; }

    public string? ReportPath { get; init; }

    /// <summary>Why the file was quarantined; <see cref="ErrorPosition"/> says where (line, element).</summary>
    public string? Error { get; init; }

    public string? ErrorPosition { get; init; }

    /// <summary>For a duplicate: the first ingestion of the same content.</summary>
    public DuplicateOf? DuplicateOf { get; init; }

    public int Statements { get; init; }

    public int Entries { get; init; }

    public IReadOnlyList<OutcomeTotal> ByOutcome { get; init; } = [];

    public IReadOnlyList<OutcomeTotal> ByRule { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>One line per entry (at most <see cref="BankFileIngestion.MaxReportLines"/>).</summary>
    public IReadOnlyList<IngestedEntry> Payments { get; init; } = [];

    public bool PaymentsTruncated { get; init; }
}

public enum IngestionOutcome
{
    Processed,
    Quarantined,
    Duplicate,

    /// <summary>The incoming blob was already gone (an earlier run of the same trigger moved it).</summary>
    Missing,
}

/// <summary>What happened to one entry.</summary>
public enum EntryOutcome
{
    Applied,
    Parked,
    Returned,
    ReturnParked,
    AlreadyIngested,
    IgnoredDebit,
    NotBooked,
    UnknownAccount,
    UnsupportedCurrency,
    Notice,
}

public sealed record DuplicateOf(string FileName, DateTimeOffset IngestedAt, string? StoredPath, string? ReportPath);

/// <summary>Count and sum of one outcome (or rule) in one currency.</summary>
public sealed record OutcomeTotal(string Name, string Currency, int Count, string Amount);

public sealed record IngestedEntry(
    string PaymentId, EntryOutcome Outcome, string Amount, string Currency, DateOnly BookingDate, string? AccountId, string? Rule, decimal Confidence,
    IReadOnlyList<string> Invoices, string? CreditedToBalance, string? Reason);
