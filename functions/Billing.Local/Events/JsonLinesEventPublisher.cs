using System.Text;
using System.Text.Json;
using Billing.Core.Events;
using Billing.Core.Serialization;

namespace Billing.Local.Events;

/// <summary>
/// <see cref="IEventPublisher"/> that appends each event as one JSON line (<c>id, type, accountId, occurredAt,
/// data</c>) to <c>events.jsonl</c>. An id already in the file is skipped, which is the local form of Service
/// Bus duplicate detection. The ids are loaded from the file on first use and kept current: each publish
/// holds the file exclusively, first reads whatever another process appended since, then appends. Safe for
/// concurrent callers in one process and across processes.
/// </summary>
public sealed class JsonLinesEventPublisher(LocalDataDirectory data) : IEventPublisher, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private long _knownLength;

    public string FilePath => data.Events;

    public async Task PublishAsync(IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var file = await OpenExclusiveAsync(cancellationToken);
            CatchUp(file);
            var lines = new StringBuilder();
            foreach (var e in events)
            {
                if (_ids.Add(e.Id))
                {
                    lines.Append(BillingJson.Serialize(e)).Append('\n');
                }
            }

            if (lines.Length > 0)
            {
                file.Seek(0, SeekOrigin.End);
                var bytes = Encoding.UTF8.GetBytes(lines.ToString());
                await file.WriteAsync(bytes, cancellationToken);
                await file.FlushAsync(cancellationToken);
                _knownLength = file.Length;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the lines appended since this publisher last looked and remembers their ids.</summary>
    private void CatchUp(FileStream file)
    {
        if (file.Length <= _knownLength)
        {
            return;
        }

        file.Seek(_knownLength, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && TryReadId(line) is { } id)
            {
                _ids.Add(id);
            }
        }

        _knownLength = file.Length;
    }

    private static string? TryReadId(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<FileStream> OpenExclusiveAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }

    public void Dispose() => _gate.Dispose();
}
