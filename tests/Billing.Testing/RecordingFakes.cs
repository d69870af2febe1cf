using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Billing.Core.Documents;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Messaging;
using Billing.Core.Serialization;
using Billing.Core.Storage;

namespace Billing.Testing;

/// <summary>Blob store in memory, for unit tests.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<BlobRef, (byte[] Content, IReadOnlyDictionary<string, string> Metadata)> _blobs = new();

    public IReadOnlyCollection<BlobRef> Blobs => _blobs.Keys.ToList();

    public async Task<bool> TryCreateAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        _blobs.TryAdd(blob, (await ReadAllAsync(content), metadata ?? new Dictionary<string, string>()));

    public async Task WriteAsync(BlobRef blob, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        _blobs[blob] = (await ReadAllAsync(content), metadata ?? new Dictionary<string, string>());

    public Task<Stream?> OpenReadAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue(blob, out var b) ? new MemoryStream(b.Content, writable: false) : null);

    public Task<BlobInfo?> GetInfoAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue(blob, out var b) ? new BlobInfo(blob, b.Content.Length, DateTimeOffset.UnixEpoch, b.Metadata) : null);

    public async IAsyncEnumerable<BlobInfo> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var (blob, b) in _blobs.Where(kv => kv.Key.Container == container && kv.Key.Path.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(kv => kv.Key.Path, StringComparer.Ordinal))
        {
            yield return new BlobInfo(blob, b.Content.Length, DateTimeOffset.UnixEpoch, b.Metadata);
        }
    }

    public Task MoveAsync(BlobRef source, BlobRef destination, CancellationToken cancellationToken = default)
    {
        if (!_blobs.TryRemove(source, out var b))
        {
            throw new FileNotFoundException($"Blob {source} does not exist.");
        }

        _blobs[destination] = b;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(BlobRef blob, CancellationToken cancellationToken = default) => Task.FromResult(_blobs.TryRemove(blob, out _));

    private static async Task<byte[]> ReadAllAsync(Stream content)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}

/// <summary>Work queue that records messages as JSON, for unit tests.</summary>
public sealed class RecordingWorkQueue : IWorkQueue
{
    public ConcurrentQueue<(string Queue, string Json)> Messages { get; } = new();

    public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken = default)
    {
        Messages.Enqueue((queueName, BillingJson.Serialize(message)));
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(string Queue, string Json, TimeSpan Delay)> Delayed { get; } = new();

    public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        Delayed.Enqueue((queueName, BillingJson.Serialize(message), visibilityDelay));
        return Task.CompletedTask;
    }

    public IReadOnlyList<T> Of<T>(string queue) => Messages.Where(m => m.Queue == queue).Select(m => BillingJson.Deserialize<T>(m.Json)).ToList();
}

/// <summary>Email sender that records what it was asked to send, for unit tests.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    public Func<EmailMessage, Exception?>? FailWith { get; set; }

    public Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        if (FailWith?.Invoke(message) is { } error)
        {
            throw error;
        }

        Sent.Enqueue(message);
        return Task.FromResult(message.MessageId);
    }
}

/// <summary>Event publisher that keeps events by id (as duplicate detection would), for unit tests.</summary>
public sealed class RecordingEventPublisher : IEventPublisher
{
    public ConcurrentDictionary<string, IntegrationEvent> Events { get; } = new();

    public int PublishCalls => _calls;

    private int _calls;

    public Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        foreach (var e in events)
        {
            Events.TryAdd(e.Id, e);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Renderer that writes a small marker instead of a real PDF/UBL, for unit tests of the use cases.</summary>
public sealed class MarkerRenderer : IInvoiceDocumentRenderer
{
    public int PdfCount => _pdf;

    private int _pdf;

    public void WritePdf(Invoice invoice, Stream destination)
    {
        Interlocked.Increment(ref _pdf);
        destination.Write(System.Text.Encoding.UTF8.GetBytes($"PDF {invoice.Number}"));
    }

    public void WriteUbl(Invoice invoice, Stream destination) =>
        destination.Write(System.Text.Encoding.UTF8.GetBytes($"<Invoice>{invoice.Number}</Invoice>"));
}
