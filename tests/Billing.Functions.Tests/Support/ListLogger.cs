using Microsoft.Extensions.Logging;

namespace Billing.Functions.Tests.Support;

/// <summary>Keeps what a function logged (level, rendered message and the structured values), to assert on.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        lock (_entries)
        {
            _entries.Add(new LogEntry(logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);
