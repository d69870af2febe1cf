using System.Text;
using System.Text.Json;
using static Billing.BankFiles.Json.AchJson;
using static Billing.BankFiles.Json.Bai2Json;
using static Billing.BankFiles.Json.EntryJson;
using static Billing.BankFiles.Json.JsonValues;

namespace Billing.BankFiles.Json;

/// <summary>
/// Writes a bank file as the JSON used by <c>billing bankfile inspect --json</c>:
/// <c>{format, format_version, statements:[{account, iban, currency, statement_id, opening_balance, entries:[…],
/// closing_balance, entry_count, …}], warnings:[…]}</c>. Amounts are decimal strings with at least two decimals, signed
/// credit-positive; dates are ISO YYYY-MM-DD; timestamps ISO 8601 with offset; absent values are null. Fields that
/// only one format has (MT940 references and :86: details, BAI2 type codes and text, NACHA returns) are added for
/// that format only. The JSON is written in document order from the event stream, so a statement's fields that are
/// only known at its end (closing balance, counts) follow its entries, and memory does not grow with the file: the
/// streamed and the whole-file output are the same text.
/// </summary>
public static class StatementJsonWriter
{
    private const int FlushThreshold = 32 * 1024;

    /// <summary>Writes <paramref name="file"/> to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, BankFile file)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(file);
        Write(writer, file.Events(), flush: null);
    }

    /// <summary>
    /// Writes the events of <see cref="BankFileReader.ReadEvents(Stream, BankFileReaderOptions?)"/> as they arrive, calling
    /// <paramref name="flush"/> whenever more than 32 KB are pending so the caller can pass them on (null: the writer's own
    /// stream takes them at the end).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<BankFileEvent> events, Action? flush)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        var ach = new AchCounts();
        foreach (var e in events)
        {
            switch (e)
            {
                case BankFileEvent.FileStarted started:
                    writer.WriteStartObject();
                    writer.WriteString("format", BankFile.NameOf(started.Format));
                    writer.WriteString("format_version", started.FormatVersion);
                    writer.WriteStartArray("statements");
                    break;
                case BankFileEvent.StatementStarted started:
                    WriteStatementHead(writer, started.Format, started.Statement);
                    writer.WriteStartArray("entries");
                    break;
                case BankFileEvent.EntryRead read:
                    WriteEntry(writer, read.Format, read.Entry);
                    break;
                case BankFileEvent.StatementCompleted completed:
                    writer.WriteEndArray();
                    WriteStatementTail(writer, completed.Format, completed.Statement);
                    break;
                case BankFileEvent.AchEntryRead read:
                    if (ach.Entries++ == 0)
                    {
                        writer.WriteEndArray();
                        writer.WriteStartObject("ach");
                        writer.WriteStartArray("entries");
                    }

                    ach.Count(read.Entry);
                    WriteAchEntry(writer, read.Entry);
                    break;
                case BankFileEvent.FileCompleted completed:
                    WriteFileTail(writer, completed, ach);
                    break;
            }

            if (flush is not null && writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
                flush();
            }
        }

        writer.Flush();
        flush?.Invoke();
    }

    /// <summary>Writes <paramref name="file"/> to <paramref name="stream"/> as UTF-8 JSON.</summary>
    public static void Write(Stream stream, BankFile file, bool indented = true)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        Write(writer, file);
    }

    /// <summary>Returns the JSON text for <paramref name="file"/>.</summary>
    public static string ToJson(BankFile file, bool indented = true)
    {
        using var buffer = new MemoryStream();
        Write(buffer, file, indented);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteFileTail(Utf8JsonWriter writer, BankFileEvent.FileCompleted completed, AchCounts ach)
    {
        if (ach.Entries == 0)
        {
            writer.WriteEndArray();
            if (completed.Format == BankFileFormat.Nacha)
            {
                writer.WriteStartObject("ach");
                writer.WriteStartArray("entries");
            }
        }

        if (completed.Format == BankFileFormat.Nacha)
        {
            writer.WriteEndArray();
            ach.Write(writer, completed.AchBatchCount);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("warnings");
        foreach (var warning in completed.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        if (completed.Bai2File is { } bai)
        {
            WriteBaiFile(writer, bai);
        }

        writer.WriteEndObject();
    }

    private static void WriteStatementHead(Utf8JsonWriter w, BankFileFormat format, BankStatement s)
    {
        w.WriteStartObject();
        w.WriteString("kind", s.Kind switch { StatementKind.Report => "report", StatementKind.Notification => "notification", _ => "statement" });
        w.WriteString("account", s.Account);
        w.WriteString("iban", s.Iban);
        w.WriteString("account_other_id", s.Iban is null ? s.Account : null);
        w.WriteString("account_bic", s.AccountServicerBic);
        w.WriteString("account_servicer_name", s.AccountServicerName);
        w.WriteString("account_owner_name", s.AccountOwnerName);
        w.WriteString("currency", s.Currency);
        w.WriteString("statement_id", s.StatementId);
        w.WriteString("message_id", s.MessageId);
        w.WriteString("sequence_number", s.SequenceNumber);
        w.WriteString("statement_number", s.StatementNumber);
        if (IsSwift(format))
        {
            w.WriteString("transaction_reference", s.StatementId);
            w.WriteString("related_reference", s.RelatedReference);
        }
        else
        {
            w.WriteString("electronic_sequence_number", s.SequenceNumber);
            w.WriteString("legal_sequence_number", s.StatementNumber);
        }

        WriteTime(w, "creation_datetime", s.CreationTime);
        WriteTime(w, "from_datetime", s.FromTime);
        WriteTime(w, "to_datetime", s.ToTime);
        WriteBalance(w, "opening_balance", s.OpeningBalance);
    }

    private static void WriteStatementTail(Utf8JsonWriter w, BankFileFormat format, BankStatement s)
    {
        WriteBalance(w, "closing_balance", s.ClosingBalance);
        WriteBalance(w, "available_balance", s.AvailableBalance);
        WriteBalance(w, "forward_available_balance", s.ForwardAvailableBalance);
        w.WriteStartArray(format == BankFileFormat.Bai2 ? "summaries" : "balances");
        foreach (var balance in s.Balances)
        {
            WriteBalance(w, null, balance);
        }

        w.WriteEndArray();
        w.WriteString("statement_info", s.AdditionalInfo);
        w.WriteString("header_info", s.HeaderInfo);
        if (s.Bai2Group is { } group)
        {
            WriteGroup(w, group);
            WriteAmount(w, "account_control_total", s.ControlTotal);
            WriteInt(w, "account_number_of_records", s.RecordCount);
        }

        w.WriteNumber("entry_count", s.EntryCount);
        WriteAmount(w, "entries_sum", s.EntrySum);
        w.WriteEndObject();
    }
}
