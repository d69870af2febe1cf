using Azure.Storage.Blobs;
using Billing.Core.Ingestion;
using Billing.Core.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Functions.Payments;

/// <summary>
/// A bank file dropped under <c>incoming/</c> of the bank-files container (Event Grid delivers the blob-created event):
/// ingests it with <see cref="BankFileIngestion"/>, which reads the blob itself and moves it to processed/, duplicates/
/// or quarantine/. A malformed file is quarantined by the use case and only logged as a warning here: throwing would
/// make the host retry a file that can never parse.
/// </summary>
public sealed partial class IngestBankFile(BankFileIngestion ingestion, IOptions<BlobContainerOptions> containers, ILogger<IngestBankFile> logger)
{
    [Function(nameof(IngestBankFile))]
    public async Task RunAsync(
        [BlobTrigger("%BANK_FILES_CONTAINER%/" + BankFileIngestion.IncomingFolder + "/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var incoming = new BlobRef(containers.Value.BankFiles, $"{BankFileIngestion.IncomingFolder}/{name}");
        LogStarting(incoming.ToString(), blob?.Name);
        var report = await ingestion.IngestAsync(incoming, dryRun: false, cancellationToken);
        switch (report.Outcome)
        {
            case IngestionOutcome.Quarantined:
                LogQuarantined(name, report.ErrorPosition ?? "?", report.Error ?? "", report.StoredPath);
                break;
            case IngestionOutcome.Duplicate:
                LogDuplicate(name, report.DuplicateOf?.FileName, report.StoredPath);
                break;
            case IngestionOutcome.Missing:
                LogMissing(name);
                break;
            default:
                LogIngested(name, report.Format, report.Entries, report.Payments.Count(p => p.Outcome == EntryOutcome.Applied),
                    report.Payments.Count(p => p.Outcome is EntryOutcome.Parked or EntryOutcome.ReturnParked), report.StoredPath);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting bank file {Blob} (trigger blob {TriggerBlob})")]
    private partial void LogStarting(string blob, string? triggerBlob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank file {FileName} ({Format}) ingested: {EntryCount} entries, {AppliedCount} applied, {ParkedCount} parked; stored as {StoredPath}")]
    private partial void LogIngested(string fileName, string? format, int entryCount, int appliedCount, int parkedCount, string? storedPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bank file {FileName} is malformed at {Position} and was quarantined as {StoredPath}, nothing applied: {Error}")]
    private partial void LogQuarantined(string fileName, string position, string error, string? storedPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bank file {FileName} duplicates {FirstFileName}, nothing applied; stored as {StoredPath}")]
    private partial void LogDuplicate(string fileName, string? firstFileName, string? storedPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank file {FileName} is no longer under incoming/ (an earlier run moved it); nothing to do")]
    private partial void LogMissing(string fileName);
}
