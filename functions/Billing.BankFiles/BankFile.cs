using Billing.BankFiles.Bai2;
using Billing.BankFiles.Nacha;

namespace Billing.BankFiles;

/// <summary>A whole parsed bank file: every statement with its entries, plus warnings.</summary>
public sealed class BankFile
{
    internal BankFile(BankFileFormat format, string? formatVersion)
    {
        Format = format;
        FormatVersion = formatVersion;
    }

    /// <summary>The format detected from the content.</summary>
    public BankFileFormat Format { get; }

    /// <summary>The format version (camt namespace version, BAI2 version, CSV profile name), when known.</summary>
    public string? FormatVersion { get; internal set; }

    /// <summary>Statements in document order, each with its entries.</summary>
    public IReadOnlyList<BankStatement> Statements => _statements;

    /// <summary>NACHA entries (empty for other formats).</summary>
    public IReadOnlyList<AchEntry> AchEntries => _achEntries;

    /// <summary>NACHA batch count, for NACHA files.</summary>
    public int? AchBatchCount { get; internal set; }

    /// <summary>BAI2 file header and trailer, for BAI2 files.</summary>
    public Bai2FileInfo? Bai2File { get; internal set; }

    /// <summary>Problems that did not stop the parse, e.g. "opening + entries != closing".</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The format name used on the wire: camt.053, mt940, bai2, csv, nacha...</summary>
    public string FormatName => NameOf(Format);

    /// <summary>The wire name of <paramref name="format"/>.</summary>
    public static string NameOf(BankFileFormat format) => format switch
    {
        BankFileFormat.Camt052 => "camt.052",
        BankFileFormat.Camt053 => "camt.053",
        BankFileFormat.Camt054 => "camt.054",
        BankFileFormat.Mt940 => "mt940",
        BankFileFormat.Mt942 => "mt942",
        BankFileFormat.Bai2 => "bai2",
        BankFileFormat.Csv => "csv",
        _ => "nacha",
    };

    /// <summary>The file as the event stream it was read from, so one writer serves both APIs.</summary>
    internal IEnumerable<BankFileEvent> Events()
    {
        yield return new BankFileEvent.FileStarted(Format, FormatVersion);
        foreach (var statement in _statements)
        {
            yield return new BankFileEvent.StatementStarted(Format, statement);
            foreach (var entry in statement._entries)
            {
                yield return new BankFileEvent.EntryRead(Format, statement, entry);
            }

            yield return new BankFileEvent.StatementCompleted(Format, statement);
        }

        foreach (var entry in _achEntries)
        {
            yield return new BankFileEvent.AchEntryRead(entry);
        }

        yield return new BankFileEvent.FileCompleted(Format, FormatVersion, _warnings) { Bai2File = Bai2File, AchBatchCount = AchBatchCount };
    }

    internal readonly List<BankStatement> _statements = [];
    internal readonly List<AchEntry> _achEntries = [];
    internal readonly List<string> _warnings = [];
}
