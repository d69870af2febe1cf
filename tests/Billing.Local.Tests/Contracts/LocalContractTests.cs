using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Local;
using Billing.Local.Memory;
using Billing.Local.Messaging;
using Billing.Local.Storage;
using Billing.Testing.Contracts;

namespace Billing.Local.Tests.Contracts;

/// <summary>
/// The port contracts against the embedded default (Billing.Local): no emulator, so these classes are not marked
/// <see cref="RequiresEmulatorsAttribute"/> and always run. Each test class instance gets its own data folder.
/// </summary>
public sealed class SqliteDocumentStoreContractTests : DocumentStoreContract, IDisposable
{
    private readonly LocalTestFolder _folder = new();
    private readonly LocalDatabase _database;

    public SqliteDocumentStoreContractTests()
    {
        _database = new LocalDatabase(_folder.Data);
        Store = new SqliteDocumentStore(_database, TimeProvider.System);
    }

    protected override IDocumentStore Store { get; }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }
}

/// <summary>
/// <see cref="MemoryDocumentStore"/> (what <c>billing simulate</c> and the benchmarks run on) and the same store behind
/// <see cref="LatentDocumentStore"/> (a per-operation delay and paged queries, as a remote store has).
/// </summary>
public sealed class MemoryDocumentStoreContractTests : DocumentStoreContract
{
    protected override IDocumentStore Store { get; } = new MemoryDocumentStore();
}

public sealed class LatentDocumentStoreContractTests : DocumentStoreContract
{
    protected override IDocumentStore Store { get; } = new LatentDocumentStore(new MemoryDocumentStore(), TimeSpan.FromMilliseconds(1));
}

public sealed class FolderBlobStoreContractTests : BlobStoreContract, IDisposable
{
    private readonly LocalTestFolder _folder = new();

    public FolderBlobStoreContractTests() => Blobs = new FolderBlobStore(_folder.Data);

    protected override IBlobStore Blobs { get; }

    protected override string Container => "contract-blobs";

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// <see cref="InProcessWorkQueue"/> (the <c>queue</c> table of billing.db). Locally the "trigger" is
/// <see cref="LocalQueueRunner"/>: it claims the oldest message (<see cref="InProcessWorkQueue.TryClaim"/>), hands
/// <see cref="QueuedMessage.Json"/> to the queue handler as the string the Functions trigger would bind, and completes
/// it when the handler returns. Receiving here is exactly that claim-then-complete, so the contract applies as is:
/// there is no base64 envelope locally, the stored body is the JSON itself.
/// </summary>
public sealed class InProcessWorkQueueContractTests : WorkQueueContract, IDisposable
{
    private readonly LocalTestFolder _folder = new();
    private readonly LocalDatabase _database;
    private readonly InProcessWorkQueue _queue;

    public InProcessWorkQueueContractTests()
    {
        _database = new LocalDatabase(_folder.Data);
        _queue = new InProcessWorkQueue(_database);
    }

    protected override IWorkQueue Queue => _queue;

    protected override string NewQueueName() => $"contract-{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task<string?> ReceiveAsTriggerAsync(string queueName)
    {
        if (_queue.TryClaim(queueName) is not { } message)
        {
            return Task.FromResult<string?>(null);
        }

        _queue.Complete(message);
        return Task.FromResult<string?>(message.Json);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }
}

/// <summary>A fresh local data folder under the temp directory, deleted afterwards.</summary>
internal sealed class LocalTestFolder : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "billing-local-contracts", Guid.NewGuid().ToString("N"));

    public LocalTestFolder() => Data = new LocalDataDirectory(_path);

    public LocalDataDirectory Data { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned eventually.
        }
    }
}
