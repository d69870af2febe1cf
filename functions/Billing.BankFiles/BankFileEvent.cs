using Billing.BankFiles.Bai2;
using Billing.BankFiles.Nacha;

namespace Billing.BankFiles;

/// <summary>
/// One step of the streaming API (<see cref="BankFileReader.ReadEvents(Stream, BankFileReaderOptions?)"/>).
/// Only the members that belong to <see cref="Kind"/> are set. The statement object is the same instance from
/// <see cref="BankFileEventKind.StatementStarted"/> to <see cref="BankFileEventKind.StatementCompleted"/>; in the
/// streaming API it never accumulates entries, so memory does not grow with the file.
/// </summary>
public sealed class BankFileEvent
{
    internal BankFileEvent(BankFileEventKind kind)
    {
        Kind = kind;
    }

    /// <summary>What this event reports.</summary>
    public BankFileEventKind Kind { get; }

    /// <summary>The detected format (every event).</summary>
    public BankFileFormat Format { get; internal init; }

    /// <summary>The format version (camt namespace such as camt.053.001.02, BAI2 "2"), when known.</summary>
    public string? FormatVersion { get; internal init; }

    /// <summary>The current statement (statement and entry events).</summary>
    public BankStatement? Statement { get; internal init; }

    /// <summary>The entry (<see cref="BankFileEventKind.Entry"/>).</summary>
    public StatementEntry? Entry { get; internal init; }

    /// <summary>The NACHA entry (<see cref="BankFileEventKind.AchEntry"/>).</summary>
    public AchEntry? AchEntry { get; internal init; }

    /// <summary>BAI2 file header and trailer (<see cref="BankFileEventKind.FileCompleted"/> of a BAI2 file).</summary>
    public Bai2FileInfo? Bai2File { get; internal init; }

    /// <summary>NACHA batch count (<see cref="BankFileEventKind.FileCompleted"/> of a NACHA file).</summary>
    public int? AchBatchCount { get; internal init; }

    /// <summary>Warnings collected while reading (<see cref="BankFileEventKind.FileCompleted"/>).</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];
}
