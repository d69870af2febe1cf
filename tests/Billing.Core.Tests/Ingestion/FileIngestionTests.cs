using System.Runtime.CompilerServices;
using System.Text;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Storage;
using Billing.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Core.Tests.Ingestion;

public sealed class FileIngestionTests
{
    [Fact]
    public async Task IndexBuild_FileQuarantined_IsCancelledAndOverBeforeTheReport()
    {
        var store = new IndexQueriesWaitForCancellation();
        using var world = new BillingWorld(new DateOnly(2026, 1, 1), services => services.AddSingleton<IDocumentStore>(store));
        // The check of the file (its second reading, after the hash) waits until the index build queries the invoices.
        var broken = new SecondReadingWaits(
            Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Ntry>"),
            store.InvoiceQueryStarted.Task);

        var report = await world.Get<BankFileIngestion>().IngestAsync("broken.xml", broken, dryRun: false).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(IngestionOutcome.Quarantined, report.Outcome);
        Assert.True(store.InvoiceQueryStarted.Task.IsCompleted, "the index build never queried the invoices");
        Assert.True(store.InvoiceQueryCancelled, "the index build was still running when the report was returned");
    }

    /// <summary>Content whose reading from the start, once it was read to the end, waits for <paramref name="gate"/>.</summary>
    private sealed class SecondReadingWaits(byte[] content, Task gate) : MemoryStream(content)
    {
        private bool _endSeen;

        public override int Read(byte[] buffer, int offset, int count)
        {
            Gate();
            return After(base.Read(buffer, offset, count));
        }

        public override int Read(Span<byte> buffer)
        {
            Gate();
            return After(base.Read(buffer));
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Gate();
            return ValueTask.FromResult(After(base.Read(buffer.Span)));
        }

        private void Gate()
        {
            if (_endSeen && Position == 0)
            {
                gate.Wait(TimeSpan.FromSeconds(30));
            }
        }

        private int After(int read)
        {
            _endSeen |= read == 0;
            return read;
        }
    }

    /// <summary>An in-memory store whose invoice queries (the index build's) run until they are cancelled.</summary>
    private sealed class IndexQueriesWaitForCancellation : IDocumentStore
    {
        private readonly InMemoryDocumentStore _inner = new();

        public TaskCompletionSource InvoiceQueryStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool InvoiceQueryCancelled { get; private set; }

        public async IAsyncEnumerable<Stored<T>> QueryAsync<T>(DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            where T : class, IDocument
        {
            if (typeof(T) == typeof(Invoice))
            {
                InvoiceQueryStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    InvoiceQueryCancelled = true;
                    throw;
                }
            }

            await foreach (var stored in _inner.QueryAsync<T>(query, cancellationToken))
            {
                yield return stored;
            }
        }

        public Task<Stored<T>?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken = default) where T : class, IDocument =>
            _inner.ReadAsync<T>(partitionKey, id, cancellationToken);

        public Task<Stored<T>?> TryCreateAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken = default) where T : class, IDocument =>
            _inner.TryCreateAsync(partitionKey, id, value, cancellationToken);

        public Task<Stored<T>> ReplaceAsync<T>(string partitionKey, string id, T value, string etag, CancellationToken cancellationToken = default) where T : class, IDocument =>
            _inner.ReplaceAsync(partitionKey, id, value, etag, cancellationToken);

        public Task<bool> DeleteAsync<T>(string partitionKey, string id, string? etag = null, CancellationToken cancellationToken = default) where T : class, IDocument =>
            _inner.DeleteAsync<T>(partitionKey, id, etag, cancellationToken);

        public IAsyncEnumerable<Stored<T>> QueryPartitionAsync<T>(string partitionKey, CancellationToken cancellationToken = default) where T : class, IDocument =>
            _inner.QueryPartitionAsync<T>(partitionKey, cancellationToken);

        public IAsyncEnumerable<Stored<T>> QueryAllAsync<T>(CancellationToken cancellationToken = default) where T : class, IDocument =>
            _inner.QueryAllAsync<T>(cancellationToken);
    }
}
