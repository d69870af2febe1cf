using System.Text;
using System.Xml;
using Billing.BankFiles.Bai2;
using Billing.BankFiles.Camt;
using Billing.BankFiles.Csv;
using Billing.BankFiles.Mt940;
using Billing.BankFiles.Nacha;
using Billing.BankFiles.Text;

namespace Billing.BankFiles;

/// <summary>
/// The entry point: detects the format from the content and parses a stream or a file. <see cref="Read(Stream, BankFileReaderOptions?)"/>
/// returns the whole file; <see cref="ReadEvents(Stream, BankFileReaderOptions?)"/> streams it with memory that does not
/// grow with the file. Malformed input always ends in a <see cref="BankFileFormatException"/>.
/// </summary>
public static class BankFileReader
{
    private const int SniffLength = 64 * 1024;

    /// <summary>Parses the whole file at <paramref name="path"/>.</summary>
    public static BankFile Read(string path, BankFileReaderOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Read(stream, options);
    }

    /// <summary>Parses the whole stream into statements with their entries.</summary>
    public static BankFile Read(Stream stream, BankFileReaderOptions? options = null)
    {
        BankFile? file = null;
        foreach (var e in ReadEvents(stream, options))
        {
            switch (e)
            {
                case BankFileEvent.FileStarted started:
                    file = new BankFile(started.Format, started.FormatVersion);
                    break;
                case BankFileEvent.StatementStarted started:
                    file!._statements.Add(started.Statement);
                    break;
                case BankFileEvent.EntryRead read:
                    read.Statement._entries.Add(read.Entry);
                    break;
                case BankFileEvent.AchEntryRead read:
                    file!._achEntries.Add(read.Entry);
                    break;
                case BankFileEvent.FileCompleted completed:
                    file!._warnings.AddRange(completed.Warnings);
                    file.Bai2File = completed.Bai2File;
                    file.AchBatchCount = completed.AchBatchCount;
                    file.FormatVersion = completed.FormatVersion ?? file.FormatVersion;
                    break;
            }
        }

        return file ?? throw new BankFileFormatException("line 1", "empty file");
    }

    /// <summary>Streams statements one by one; entries are read lazily and never accumulated.</summary>
    public static IEnumerable<BankStatement> ReadStatements(Stream stream, BankFileReaderOptions? options = null)
    {
        foreach (var e in ReadEvents(stream, options))
        {
            if (e is BankFileEvent.StatementCompleted completed)
            {
                yield return completed.Statement;
            }
        }
    }

    /// <summary>
    /// Streams the file as events (see <see cref="BankFileEvent"/>). The stream is read forward once and is not disposed.
    /// </summary>
    public static IEnumerable<BankFileEvent> ReadEvents(Stream stream, BankFileReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(ReadEventsCore(stream, options ?? BankFileReaderOptions.Default), options ?? BankFileReaderOptions.Default);
    }

    /// <summary>Detects the format of the content at the start of <paramref name="stream"/> (which must be seekable or freshly opened).</summary>
    public static BankFileFormat? DetectFormat(ReadOnlySpan<byte> prefix, BankFileReaderOptions? options = null)
    {
        var (encoding, bom) = TextEncodingDetector.Detect(prefix, prefixIsWholeFile: false);
        var text = encoding.GetString(prefix[bom..]);
        return FormatDetector.Detect(text, (options ?? BankFileReaderOptions.Default).CsvProfiles, out _);
    }

    /// <summary>
    /// The CSV mapping for the export at the start of <paramref name="stream"/>: the configured profile that matches its
    /// header (confidence "configured"), else the inferred one with how sure it is, or the refusal naming the candidates.
    /// Content that is not CSV is a <see cref="BankFileFormatException"/> saying what it is.
    /// </summary>
    public static CsvInference DescribeCsv(Stream stream, BankFileReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= BankFileReaderOptions.Default;
        var (_, _, _, _, sniff) = Sniff(stream);
        var format = FormatDetector.Detect(sniff, options.CsvProfiles, inferCsv: true, out var profile, out var inference);
        if (format != BankFileFormat.Csv)
        {
            throw new BankFileFormatException("line 1", format is { } other ? $"not a CSV export: this is {BankFile.NameOf(other)}" : "not a CSV export with a header row");
        }

        return inference ?? CsvInference.Inferred(profile!, "configured", $"matches the profile \"{profile!.Name}\"");
    }

    private static (byte[] Prefix, int Length, Encoding Encoding, int Bom, string Text) Sniff(Stream stream)
    {
        var prefix = new byte[SniffLength];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = stream.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }

        var (encoding, bom) = TextEncodingDetector.Detect(prefix.AsSpan(0, length), length < prefix.Length);
        return (prefix, length, encoding, bom, encoding.GetString(prefix, bom, Math.Min(length - bom, 8192 * 2)));
    }

    private static IEnumerable<BankFileEvent> ReadEventsCore(Stream stream, BankFileReaderOptions options)
    {
        var (prefix, length, encoding, bom, sniff) = Sniff(stream);
        var format = FormatDetector.Detect(sniff, options.CsvProfiles, options.InferCsvProfiles, out var csvProfile, out var inference)
            ?? throw new BankFileFormatException("line 1", "unrecognised content: expected ISO 20022 XML, BAI2, MT940/MT942, NACHA or a CSV export with a header row");
        if (format == BankFileFormat.Csv && csvProfile is null)
        {
            throw new BankFileFormatException("CSV header", $"cannot read this CSV export: {inference!.Description}; write a profile (billing bankfile profile FILE) and pass it with --profile");
        }

        var source = new PrefixedStream(prefix, length, stream, ownsRest: false);
        if (format is BankFileFormat.Camt052 or BankFileFormat.Camt053 or BankFileFormat.Camt054)
        {
            return new CamtParser(source, options).Parse();
        }

        if (format == BankFileFormat.Csv)
        {
            var csvEncoding = csvProfile!.Encoding ?? encoding;
            return new CsvStatementParser(Lines(source, csvEncoding, bom, options), csvProfile!, options, inference).Parse();
        }

        var lines = Lines(source, encoding, bom, options);
        return format switch
        {
            BankFileFormat.Bai2 => new Bai2Parser(lines, options).Parse(),
            BankFileFormat.Nacha => new NachaParser(lines).Parse(),
            _ => new Mt940Parser(lines, format, options).Parse(),
        };
    }

    private static LineReader Lines(Stream source, Encoding encoding, int bom, BankFileReaderOptions options)
    {
        var skip = new byte[bom];
        source.ReadExactly(skip);
        var reader = new StreamReader(source, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        return new LineReader(reader, options.MaxLineLength);
    }

    private static IEnumerable<BankFileEvent> Guard(IEnumerable<BankFileEvent> events, BankFileReaderOptions options)
    {
        var warnings = new List<string>();
        var continuity = new StatementContinuity();
        using var enumerator = Enumerate(events).GetEnumerator();
        while (true)
        {
            BankFileEvent current;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                current = enumerator.Current;
            }
            catch (Exception ex) when (ex is not BankFileFormatException and not OperationCanceledException and not OutOfMemoryException and not IOException)
            {
                throw Wrap(ex);
            }

            switch (current)
            {
                case BankFileEvent.EntryRead read:
                    Count(read.Statement, read.Entry);
                    break;
                case BankFileEvent.StatementCompleted completed:
                    if (options.CheckBalances)
                    {
                        BalanceCheck.Check(completed.Format, completed.Statement, options.RequireStatedTotals, warnings);
                    }

                    continuity.Check(completed.Format, completed.Statement, warnings);
                    break;
                case BankFileEvent.FileCompleted completed:
                    warnings.AddRange(completed.Warnings);
                    current = new BankFileEvent.FileCompleted(completed.Format, completed.FormatVersion, warnings)
                    {
                        Bai2File = completed.Bai2File,
                        AchBatchCount = completed.AchBatchCount,
                    };
                    break;
            }

            yield return current;
        }
    }

    private static IEnumerable<BankFileEvent> Enumerate(IEnumerable<BankFileEvent> events)
    {
        // The parsers are lazy; calling them may already throw (e.g. the XML prolog), so enumerate inside the guard.
        foreach (var e in events)
        {
            yield return e;
        }
    }

    private static void Count(BankStatement statement, StatementEntry entry)
    {
        statement.EntryCount++;
        if (entry.Status == EntryStatus.Booked)
        {
            statement.EntrySum += entry.Amount;
        }
    }

    private static BankFileFormatException Wrap(Exception ex) => ex switch
    {
        XmlException xml => new BankFileFormatException($"line {xml.LineNumber}, position {xml.LinePosition}", "malformed XML: " + xml.Message, xml),
        DecoderFallbackException => new BankFileFormatException("text", "invalid character encoding", ex),
        _ => new BankFileFormatException("unknown position", $"malformed input ({ex.GetType().Name}: {ex.Message})", ex),
    };
}
