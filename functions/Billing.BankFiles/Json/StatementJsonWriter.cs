using System.Text;
using System.Text.Json;
using static Billing.BankFiles.Json.AchJson;
using static Billing.BankFiles.Json.Bai2Json;
using static Billing.BankFiles.Json.EntryJson;
using static Billing.BankFiles.Json.JsonValues;

namespace Billing.BankFiles.Json;

/// <summary>
/// Writes a parsed bank file as the JSON used by <c>billing bankfile inspect --json</c>:
/// <c>{format, format_version, statements:[{account, iban, currency, statement_id, opening_balance, closing_balance,
/// entry_count, entries:[…]}], warnings:[…]}</c>. Amounts are decimal strings with at least two decimals, signed
/// credit-positive; dates are ISO YYYY-MM-DD; timestamps ISO 8601 with offset; absent values are null. Fields that
/// only one format has (MT940 references and :86: details, BAI2 type codes and text, NACHA returns) are added for
/// that format only.
/// </summary>
public static class StatementJsonWriter
{
    /// <summary>Writes <paramref name="file"/> to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, BankFile file)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(file);
        writer.WriteStartObject();
        writer.WriteString("format", file.FormatName);
        writer.WriteString("format_version", file.FormatVersion);
        writer.WriteStartArray("statements");
        foreach (var statement in file.Statements)
        {
            WriteStatement(writer, file.Format, statement);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in file.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        if (file.Bai2File is { } bai)
        {
            WriteBaiFile(writer, bai);
        }

        if (file.Format == BankFileFormat.Nacha)
        {
            WriteAch(writer, file);
        }

        writer.WriteEndObject();
        writer.Flush();
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

    private static void WriteStatement(Utf8JsonWriter w, BankFileFormat format, BankStatement s)
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
        w.WriteStartArray("entries");
        foreach (var entry in s.Entries)
        {
            WriteEntry(w, format, entry);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
