using Billing.BankFiles.Bai2;
using Billing.BankFiles.Nacha;

namespace Billing.BankFiles;

/// <summary>
/// One step of the streaming API (<see cref="BankFileReader.ReadEvents(Stream, BankFileReaderOptions?)"/>): a closed set
/// of shapes, one per kind, each carrying exactly what belongs to it, so a <c>switch</c> over them needs no null checks.
/// Events arrive in document order: <see cref="FileStarted"/> first, then per statement <see cref="StatementStarted"/>,
/// its <see cref="EntryRead"/>s and <see cref="StatementCompleted"/> (or <see cref="AchEntryRead"/>s for NACHA), and
/// <see cref="FileCompleted"/> last. The statement object is the same instance from its start to its completion; in
/// the streaming API it never accumulates entries, so memory does not grow with the file.
/// </summary>
public abstract class BankFileEvent
{
    // Private: the nested types below are the only kinds there are.
    private BankFileEvent(BankFileFormat format)
    {
        Format = format;
    }

    /// <summary>The detected format.</summary>
    public BankFileFormat Format { get; }

    /// <summary>The format (and version) is known. Always the first event.</summary>
    public sealed class FileStarted(BankFileFormat format, string? formatVersion) : BankFileEvent(format)
    {
        /// <summary>The format version (camt namespace such as camt.053.001.02, BAI2 "2"), when known.</summary>
        public string? FormatVersion { get; } = formatVersion;
    }

    /// <summary>A statement header was read: account, currency, opening balance when it precedes the entries.</summary>
    public sealed class StatementStarted(BankFileFormat format, BankStatement statement) : BankFileEvent(format)
    {
        /// <summary>The statement that starts.</summary>
        public BankStatement Statement { get; } = statement;
    }

    /// <summary>One entry of the current statement.</summary>
    public sealed class EntryRead(BankFileFormat format, BankStatement statement, StatementEntry entry) : BankFileEvent(format)
    {
        /// <summary>The statement the entry belongs to.</summary>
        public BankStatement Statement { get; } = statement;

        /// <summary>The entry.</summary>
        public StatementEntry Entry { get; } = entry;
    }

    /// <summary>The current statement ended; its closing balances and counts are now final.</summary>
    public sealed class StatementCompleted(BankFileFormat format, BankStatement statement) : BankFileEvent(format)
    {
        /// <summary>The completed statement.</summary>
        public BankStatement Statement { get; } = statement;
    }

    /// <summary>One NACHA entry (return, notification of change, or forward entry).</summary>
    public sealed class AchEntryRead(AchEntry entry) : BankFileEvent(BankFileFormat.Nacha)
    {
        /// <summary>The NACHA entry.</summary>
        public AchEntry Entry { get; } = entry;
    }

    /// <summary>The file ended; file-level trailers have been checked. Always the last event.</summary>
    public sealed class FileCompleted(BankFileFormat format, string? formatVersion, IReadOnlyList<string> warnings) : BankFileEvent(format)
    {
        /// <summary>The format version, when known (may be refined from what was read after <see cref="FileStarted"/>).</summary>
        public string? FormatVersion { get; } = formatVersion;

        /// <summary>Warnings collected while reading: accepted deviations and gaps worth a look.</summary>
        public IReadOnlyList<string> Warnings { get; } = warnings;

        /// <summary>BAI2 file header and trailer, for a BAI2 file.</summary>
        public Bai2FileInfo? Bai2File { get; init; }

        /// <summary>NACHA batch count, for a NACHA file.</summary>
        public int? AchBatchCount { get; init; }
    }
}
