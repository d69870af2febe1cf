using Billing.Core.Events;
using Billing.Core.Matching;
using Billing.Core.Payments;
using Billing.Core.Storage;

namespace Billing.Core.Ingestion;

/// <summary>
/// The state of one bank file's ingestion, from its hash to its report: the file (name, content hash, how to open and
/// where to store it), the report under construction, the tallies, the events of the chunk being written, the
/// open-invoice index being built, and the store a chunk writes through (<see cref="Writes"/>, with the recorder bound to
/// it). The index is built in the background while the file is checked; <see cref="StopIndexBuildAsync"/> (and disposing)
/// cancels the build and waits for it, so no work of a quarantined or failed file outlives its report.
/// </summary>
internal sealed class FileIngestion : IAsyncDisposable
{
    private readonly CancellationTokenSource _indexCancellation;
    private Task<OpenInvoiceIndex>? _indexBuild;

    public FileIngestion(
        string name, string hash, bool dryRun, DateTimeOffset now, Func<CancellationToken, Task<Stream>> open,
        Func<BlobRef, CancellationToken, Task> storeFile, CancellationToken cancellationToken)
    {
        Name = name;
        Hash = hash;
        DryRun = dryRun;
        Now = now;
        Open = open;
        StoreFile = storeFile;
        CancellationToken = cancellationToken;
        _indexCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Report = new BankFileIngestionReport { FileName = name, FileId = hash, Outcome = IngestionOutcome.Processed, DryRun = dryRun, IngestedAt = now };
    }

    public string Name { get; }

    /// <summary>The SHA-256 of the content: the file's id and its <see cref="BankFileRecord"/>'s.</summary>
    public string Hash { get; }

    public bool DryRun { get; }

    /// <summary>When the ingestion started: the report's and every payment's time.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Opens the content from its start (it is read twice: checked whole, then streamed).</summary>
    public Func<CancellationToken, Task<Stream>> Open { get; }

    /// <summary>Stores the file itself where its report goes (moved out of <c>incoming/</c>, or written).</summary>
    public Func<BlobRef, CancellationToken, Task> StoreFile { get; }

    public CancellationToken CancellationToken { get; }

    public BankFileIngestionReport Report { get; set; }

    public IngestionTally Tally { get; } = new();

    /// <summary>The events of the chunk being written, published once its writes are durable.</summary>
    public List<IntegrationEvent> Events { get; } = [];

    public PaymentMatcher? Matcher { get; private set; }

    public ReturnedPaymentFinder? Returns { get; private set; }

    /// <summary>The store the current chunk writes through (a write batch's, or the store itself).</summary>
    public IDocumentStore? Writes { get; private set; }

    /// <summary>The recorder writing through <see cref="Writes"/>.</summary>
    public PaymentRecorder? Recorder { get; private set; }

    /// <summary>Starts building the open-invoice index in the background (it only reads).</summary>
    public void StartIndexBuild(IDocumentStore store)
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var token = _indexCancellation.Token;
        _indexBuild = Task.Run(() => OpenInvoiceIndex.BuildAsync(store, today, token), token);
    }

    /// <summary>Waits for the index and sets up matching and return lookups on <paramref name="store"/>.</summary>
    public async Task StartMatchingAsync(IDocumentStore store)
    {
        var index = await (_indexBuild ?? throw new InvalidOperationException("The index build was not started."));
        Matcher = new PaymentMatcher(index);
        Returns = new ReturnedPaymentFinder(store);
    }

    /// <summary>Points the entries that follow at <paramref name="writes"/> (a chunk's write batch).</summary>
    public void WriteThrough(IDocumentStore writes, PaymentRecorder recorder)
    {
        Writes = writes;
        Recorder = recorder.WritingTo(writes);
        Returns = Returns?.ReadingFrom(writes);
    }

    /// <summary>Cancels the index build if it still runs and waits for it to stop; its outcome is no longer wanted.</summary>
    public async Task StopIndexBuildAsync()
    {
        if (_indexBuild is not { } build)
        {
            return;
        }

        _indexBuild = null;
        await _indexCancellation.CancelAsync();
        try
        {
            await build;
        }
        catch (Exception)
        {
            // Cancelled, or failed on its own: nobody needs the index any more, and the failure is observed here.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_indexBuild is { IsCompleted: false })
        {
            await StopIndexBuildAsync();
        }
        else if (_indexBuild is { IsFaulted: true } faulted)
        {
            _ = faulted.Exception; // observed: the failure that matters is the one the caller already got
        }

        _indexCancellation.Dispose();
    }
}
