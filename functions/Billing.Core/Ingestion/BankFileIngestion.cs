using System.Security.Cryptography;
using Billing.BankFiles;
using Billing.Core.Events;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Ingestion;

/// <summary>
/// Ingests one bank file — the use case behind the <c>IngestBankFile</c> blob trigger (<c>bank-files/incoming/{name}</c>)
/// and <c>billing ingest FILE</c>. In order: hash the content (SHA-256) and refuse a file already processed, pointing
/// at the first ingestion; read the whole file once to check it (a malformed file goes to <c>quarantine/</c> with its
/// error and nothing applied), holding no entries; build the <see cref="OpenInvoiceIndex"/> once; read the entries again,
/// streaming, and match each credit (<see cref="PaymentMatcher"/>), undo each return, and record each entry exactly
/// once (<see cref="PaymentRecorder"/>), in chunks of <see cref="ChunkSize"/> whose writes are one batch
/// (<see cref="IDocumentWriteBatching"/>: one transaction on the embedded default) and whose events are published together
/// after it; a quarantined file cancels the index build and waits for it before its report is stored; then move the file to
/// <c>processed/{date}/{hash8}-{name}</c> with <c>.report.json</c> and <c>.report.txt</c> beside it, and record the
/// <see cref="BankFileRecord"/> last, so a run that crashed before it is simply run again. Reports are never written
/// under <c>incoming/</c>. A dry run reads the store, matches and reports, and writes nothing.
/// </summary>
public sealed partial class BankFileIngestion(
    IDocumentStore store,
    IDocumentWriteBatching batching,
    IBlobStore blobs,
    PaymentRecorder recorder,
    IEventPublisher eventPublisher,
    IOptions<SellerOptions> seller,
    IOptions<BlobContainerOptions> containers,
    TimeProvider time,
    ILogger<BankFileIngestion> logger)
{
    public const int MaxReportLines = 10_000;

    /// <summary>Entries written in one batch (where the store batches, <see cref="IDocumentWriteBatching"/>) before their events are published.</summary>
    public const int ChunkSize = 16_384;

    private const int ReadAheadEntries = 512;
    private const int PublishSlice = 1_024;
    public const string IncomingFolder = "incoming";
    public const string ProcessedFolder = "processed";
    public const string QuarantineFolder = "quarantine";
    public const string DuplicatesFolder = "duplicates";

    /// <summary>Ingests a blob (normally under <c>incoming/</c>), moving it out when done.</summary>
    public async Task<BankFileIngestionReport> IngestAsync(BlobRef incomingBlob, bool dryRun, CancellationToken cancellationToken = default)
    {
        string hash;
        await using (var first = await blobs.OpenReadAsync(incomingBlob, cancellationToken))
        {
            if (first is null)
            {
                return new BankFileIngestionReport { FileName = incomingBlob.Name, FileId = "", Outcome = IngestionOutcome.Missing, DryRun = dryRun, IngestedAt = time.GetUtcNow() };
            }

            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(first, cancellationToken));
        }

        return await IngestCoreAsync(incomingBlob.Name, hash, dryRun, ct => OpenAsync(incomingBlob, ct),
            (destination, ct) => blobs.MoveAsync(incomingBlob, destination, ct), cancellationToken);
    }

    /// <summary>Ingests content given as a stream (the CLI's local file); the file is stored under processed/ or quarantine/.</summary>
    public async Task<BankFileIngestionReport> IngestAsync(string fileName, Stream content, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        Stream seekable = content;
        FileStream? buffer = null;
        if (!content.CanSeek)
        {
            buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            await content.CopyToAsync(buffer, cancellationToken);
            seekable = buffer;
        }

        try
        {
            var start = seekable.Position;
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(seekable, cancellationToken));
            Task<Stream> Rewind(CancellationToken _)
            {
                seekable.Position = start;
                return Task.FromResult<Stream>(new NonClosingStream(seekable));
            }

            return await IngestCoreAsync(Path.GetFileName(fileName), hash, dryRun, Rewind, async (destination, ct) =>
            {
                seekable.Position = start;
                await blobs.TryCreateAsync(destination, seekable, "application/octet-stream", null, ct);
            }, cancellationToken);
        }
        finally
        {
            if (buffer is not null)
            {
                await buffer.DisposeAsync();
            }
        }
    }

    private async Task<BankFileIngestionReport> IngestCoreAsync(
        string name, string hash, bool dryRun, Func<CancellationToken, Task<Stream>> open, Func<BlobRef, CancellationToken, Task> storeFile,
        CancellationToken cancellationToken)
    {
        await using var file = new FileIngestion(name, hash, dryRun, time.GetUtcNow(), open, storeFile, cancellationToken);
        if (BankFileName.Problem(name) is { } nameProblem)
        {
            // Refused before anything is applied: stored under a name the stores accept, the report naming the original.
            file.Report = file.Report with { FileName = BankFileName.Safe(name), Outcome = IngestionOutcome.Quarantined, Error = $"File '{name}': {nameProblem}.", ErrorPosition = "file name" };
            return dryRun ? file.Report : await StoreAsync(file, QuarantineFolder);
        }

        var existing = await store.ReadAsync<BankFileRecord>(hash, hash, cancellationToken);
        if (existing?.Value is { Outcome: BankFileOutcome.Processed } first)
        {
            LogDuplicate(name, first.FileName);
            file.Report = file.Report with
            {
                Outcome = IngestionOutcome.Duplicate, Format = first.Format,
                DuplicateOf = new DuplicateOf(first.FileName, first.IngestedAt, first.StoredPath, first.ReportPath),
                Warnings = [$"The same content was ingested as {first.FileName} on {first.IngestedAt:yyyy-MM-dd HH:mm}Z; nothing was applied."],
            };
            return dryRun ? file.Report : await StoreAsync(file, DuplicatesFolder);
        }

        // The index is built while the file is checked (both only read); a quarantined file cancels the build.
        file.StartIndexBuild(store);
        BankFileContents contents;
        try
        {
            await using var stream = await open(cancellationToken);
            contents = new BankEntryReader(new OwnAccounts(seller.Value)).Read(stream, keepEntries: false);
        }
        catch (BankFileFormatException ex)
        {
            await file.StopIndexBuildAsync();
            LogQuarantined(name, ex.Position ?? "?");
            file.Report = file.Report with { Outcome = IngestionOutcome.Quarantined, Error = ex.Message, ErrorPosition = ex.Position };
            return dryRun ? file.Report : await StoreAndRecordAsync(file, QuarantineFolder, BankFileOutcome.Quarantined, format: null, error: ex.Message);
        }

        await file.StartMatchingAsync(store);
        await IngestEntriesAsync(file);
        var continuity = await new StatementChains(store).RecordAsync(hash, name, contents.StatementLinks, dryRun, cancellationToken);
        file.Report = file.Report with
        {
            Format = contents.Format, Statements = contents.Statements, Entries = contents.EntryCount,
            Warnings = [.. contents.Warnings, .. continuity, .. file.Tally.Warnings],
            ByOutcome = file.Tally.ByOutcome(), ByRule = file.Tally.ByRule(), Payments = file.Tally.Lines, PaymentsTruncated = file.Tally.Truncated,
        };
        LogIngested(name, contents.EntryCount, dryRun);
        return dryRun ? file.Report : await StoreAndRecordAsync(file, ProcessedFolder, BankFileOutcome.Processed, contents.Format, error: null);
    }

    /// <summary>
    /// Streams the checked file's entries (parsed on another thread, a little ahead), a chunk at a time: the chunk's writes
    /// through one write batch (one commit instead of one per write where the store batches), then its events, once those
    /// writes are durable. A crash in between leaves the chunk to the replay. A dry run writes nothing and reads the store.
    /// </summary>
    private async Task IngestEntriesAsync(FileIngestion file)
    {
        var cancellationToken = file.CancellationToken;
        await using var stream = await file.Open(cancellationToken);
        var reader = new BankEntryReader(new OwnAccounts(seller.Value));
        await using var entries = ReadAhead.Of(reader.ReadEntries(stream), ReadAheadEntries, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (file.DryRun)
        {
            file.WriteThrough(store, recorder);
            while (await entries.MoveNextAsync())
            {
                await IngestEntryAsync(file, entries.Current);
            }

            return;
        }

        var more = true;
        while (more)
        {
            using (var batch = batching.BeginWriteBatch())
            {
                file.WriteThrough(batch.Store, recorder);
                for (var n = 0; n < ChunkSize && (more = await entries.MoveNextAsync()); n++)
                {
                    await IngestEntryAsync(file, entries.Current);
                }

                batch.Commit();
            }

            // In slices, so that a publisher's buffers stay small whatever the chunk size.
            for (var e = 0; e < file.Events.Count; e += PublishSlice)
            {
                await eventPublisher.PublishAsync(file.Events.GetRange(e, Math.Min(PublishSlice, file.Events.Count - e)), cancellationToken);
            }

            file.Events.Clear();
        }
    }

    private async Task IngestEntryAsync(FileIngestion file, BankEntry entry)
    {
        var tally = file.Tally;
        switch (entry.Kind)
        {
            case BankEntryKind.Debit:
                tally.Add(entry, EntryOutcome.IgnoredDebit);
                return;
            case BankEntryKind.NotBooked:
                tally.Add(entry, EntryOutcome.NotBooked);
                return;
            case BankEntryKind.UnknownAccount:
                tally.Add(entry, EntryOutcome.UnknownAccount);
                return;
            case BankEntryKind.UnsupportedCurrency:
                tally.Add(entry, EntryOutcome.UnsupportedCurrency, reason: $"currency {entry.CurrencyCode} is not supported");
                tally.Warnings.Add($"entry {entry.PaymentId}: currency {entry.CurrencyCode} is not supported; not ingested");
                return;
            case BankEntryKind.Notice:
                tally.Add(entry, EntryOutcome.Notice, reason: $"notification of change {entry.ReturnReason}");
                tally.Warnings.Add($"NACHA notification of change {entry.ReturnReason} for {entry.PayerName}: update the payer's bank details");
                return;
        }

        // A credit is matched and claimed in one go (create-if-absent); only when the claim is already there is it read,
        // and then what matching reserved is released again, so an entry ingested before changes nothing. A dry run
        // writes nothing, and a return's search has effects of its own: both look for the claim first.
        var writes = file.Writes!;
        var readClaimFirst = file.DryRun || entry.Kind == BankEntryKind.Return;
        if (readClaimFirst && await writes.ReadAsync<PaymentClaim>(entry.PaymentId, entry.PaymentId, file.CancellationToken) is { } claimed)
        {
            tally.Add(entry, EntryOutcome.AlreadyIngested, claimed.Value.Planned);
            if (!file.DryRun)
            {
                await file.Recorder!.FinishAsync(claimed, file.Events, file.CancellationToken);
            }

            return;
        }

        if (entry.Kind == BankEntryKind.Return)
        {
            await ReturnAsync(file, entry);
            return;
        }

        var currency = Currency.FromCode(entry.CurrencyCode);
        var incoming = new IncomingPayment(entry, entry.PaymentId, new Money(entry.Amount, currency).ToMinorUnits(), currency.Code);
        var match = entry.Kind == BankEntryKind.ReversalCredit
            ? new MatchResult.Parked("A reversal of one of our own outgoing payments came back.", [])
            : file.Matcher!.Match(incoming);
        var payment = PaymentRecorder.Plan(entry, file.Hash, match, file.Now);
        if (!file.DryRun)
        {
            var (settled, created) = await file.Recorder!.RecordAsync(payment, null, file.Events, file.CancellationToken);
            if (!created)
            {
                if (match is MatchResult.Matched matched)
                {
                    OpenInvoiceIndex.Release(matched);
                }
                tally.Add(entry, EntryOutcome.AlreadyIngested, settled);
                return;
            }

            // The invoices decided what they took (another file may have paid them meanwhile): report what happened.
            payment = settled;
        }

        tally.Add(entry, payment.Status == PaymentStatus.Applied ? EntryOutcome.Applied : EntryOutcome.Parked, payment);
    }

    private async Task ReturnAsync(FileIngestion file, BankEntry entry)
    {
        var currency = Currency.FromCode(entry.CurrencyCode);
        var minor = new Money(entry.Amount, currency).ToMinorUnits();
        var original = await file.Returns!.FindAsync(entry.References, minor, currency.Code, entry.PayerIban, entry.PayerName, entry.BookingDate, file.CancellationToken);
        var planned = PaymentRecorder.Plan(entry, file.Hash, new MatchResult.Parked("A return whose original payment was not found.", []), file.Now) with
        {
            Amount = new Money(-entry.Amount, currency),
            IsReturn = true,
            ReturnReason = entry.ReturnReason,
            ReturnedOn = entry.BookingDate,
        };
        if (original is not null)
        {
            planned = planned with { AccountId = original.AccountId, Status = PaymentStatus.Returned, ParkReason = null, Allocations = original.Allocations };
            file.Returns.MarkReturned(original.Id);
        }

        if (!file.DryRun)
        {
            var (recorded, created) = await file.Recorder!.RecordAsync(planned, original?.Id, file.Events, file.CancellationToken);
            if (!created)
            {
                file.Tally.Add(entry, EntryOutcome.AlreadyIngested, recorded);
                return;
            }
        }

        file.Tally.Add(entry, original is null ? EntryOutcome.ReturnParked : EntryOutcome.Returned, planned,
            original is null ? planned.ParkReason : $"returns payment {original.Id} ({entry.ReturnReason ?? "no reason given"})");
    }

    /// <summary>
    /// Stores the file and its reports, then records the <see cref="BankFileRecord"/> last: a run that crashed before the
    /// record is simply run again (and the record is create-if-absent, so a replay keeps the first).
    /// </summary>
    private async Task<BankFileIngestionReport> StoreAndRecordAsync(FileIngestion file, string folder, BankFileOutcome outcome, string? format, string? error)
    {
        var report = await StoreAsync(file, folder);
        await store.TryCreateAsync(file.Hash, file.Hash, new BankFileRecord
        {
            Id = file.Hash, FileName = file.Name, IngestedAt = file.Now, Outcome = outcome, Format = format, Error = error,
            StoredPath = report.StoredPath, ReportPath = report.ReportPath,
        }, file.CancellationToken);
        return report;
    }

    /// <summary>Writes the report (JSON and text) and stores the file beside it; returns the report with both paths.</summary>
    private async Task<BankFileIngestionReport> StoreAsync(FileIngestion file, string folder)
    {
        // Processed files are records a company must keep: they go to the archive container, written once (create-if-absent:
        // a replay keeps the first report, and the WORM policy in Azure would refuse a rewrite anyway).
        var cancellationToken = file.CancellationToken;
        var report = file.Report;
        var archive = report.Outcome == IngestionOutcome.Processed;
        var container = ContainerOf(report.Outcome);
        var path = $"{folder}/{report.IngestedAt:yyyy-MM-dd}/{report.FileId[..Math.Min(8, report.FileId.Length)]}-{report.FileName}";
        var reportPath = $"{path}.report.json";
        report = report with { StoredPath = path, ReportPath = reportPath };
        using (var json = new MemoryStream(Serialization.BillingJson.SerializeToUtf8(report)))
        {
            await WriteReportAsync(new BlobRef(container, reportPath), json, "application/json", archive, cancellationToken);
        }

        using (var text = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(IngestionReportText.Render(report))))
        {
            await WriteReportAsync(new BlobRef(container, $"{path}.report.txt"), text, "text/plain; charset=utf-8", archive, cancellationToken);
        }

        await file.StoreFile(new BlobRef(container, path), cancellationToken);
        file.Report = report;
        return report;
    }

    /// <summary>The container a file ingested with <paramref name="outcome"/> is stored in: processed files in the archive, the rest beside the uploads.</summary>
    public string ContainerOf(IngestionOutcome outcome) => outcome == IngestionOutcome.Processed ? containers.Value.BankArchive : containers.Value.BankFiles;

    private Task WriteReportAsync(BlobRef blob, Stream content, string contentType, bool once, CancellationToken cancellationToken) =>
        once ? blobs.TryCreateAsync(blob, content, contentType, null, cancellationToken) : blobs.WriteAsync(blob, content, contentType, null, cancellationToken);

    private async Task<Stream> OpenAsync(BlobRef blob, CancellationToken cancellationToken) =>
        await blobs.OpenReadAsync(blob, cancellationToken) ?? throw new FileNotFoundException($"Blob {blob} vanished during ingestion.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bank file {FileName} is a duplicate of {FirstFileName}; nothing applied")]
    private partial void LogDuplicate(string fileName, string firstFileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bank file {FileName} quarantined: malformed at {Position}")]
    private partial void LogQuarantined(string fileName, string position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank file {FileName} ingested: {EntryCount} entries (dry run: {DryRun})")]
    private partial void LogIngested(string fileName, int entryCount, bool dryRun);
}
