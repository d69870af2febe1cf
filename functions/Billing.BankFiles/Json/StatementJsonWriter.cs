using System.Globalization;
using System.Text;
using System.Text.Json;
using Billing.BankFiles.Bai2;
using Billing.BankFiles.Nacha;

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

    private static bool IsSwift(BankFileFormat format) => format is BankFileFormat.Mt940 or BankFileFormat.Mt942;

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

    private static void WriteEntry(Utf8JsonWriter w, BankFileFormat format, StatementEntry e)
    {
        w.WriteStartObject();
        WriteAmount(w, "amount", e.Amount);
        w.WriteString("currency", e.Currency);
        w.WriteString("credit_debit", e.IsCredit ? "CRDT" : "DBIT");
        WriteDate(w, "booking_date", e.BookingDate);
        WriteTime(w, "booking_datetime", e.BookingTime);
        WriteDate(w, "value_date", e.ValueDate);
        WriteTime(w, "value_datetime", e.ValueTime);
        w.WriteString("status", e.Status switch { EntryStatus.Pending => "PDNG", EntryStatus.Information => "INFO", _ => "BOOK" });
        w.WriteBoolean("reversal", e.IsReversal);
        w.WriteString("entry_reference", e.EntryReference);
        w.WriteString("account_servicer_reference", e.AccountServicerReference);
        w.WriteString("end_to_end_id", e.EndToEndId);
        w.WriteString("creditor_reference", e.CreditorReference);
        w.WriteString("remittance_info", e.RemittanceInfo);
        w.WriteString("counterparty_name", e.CounterpartyName);
        w.WriteString("counterparty_iban", e.CounterpartyIban);
        w.WriteString("counterparty_bic", e.CounterpartyBic);
        w.WriteString("bank_transaction_code", e.BankTransactionCode);
        w.WriteString("return_reason", e.ReturnReason);
        WriteAmount(w, "charges", e.Charges);
        w.WriteString("additional_info", e.AdditionalInfo);
        if (IsSwift(format))
        {
            WriteSwiftFields(w, e);
        }
        else if (format == BankFileFormat.Bai2)
        {
            WriteBaiFields(w, e);
        }

        w.WriteStartArray("transaction_details");
        foreach (var detail in e.TransactionDetails)
        {
            WriteDetail(w, detail, e.IsCredit);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSwiftFields(Utf8JsonWriter w, StatementEntry e)
    {
        w.WriteString("mark", e.CreditDebitMark);
        w.WriteString("funds_code", e.FundsCode);
        w.WriteString("transaction_type", e.BankTransactionCode);
        w.WriteString("customer_reference", e.EntryReference);
        w.WriteString("bank_reference", e.AccountServicerReference);
        w.WriteString("extra_details", e.SupplementaryDetails);
        w.WriteString("details", e.Details);
        w.WriteString("gvc", e.TransactionTypeCode);
        w.WriteString("posting_text", e.StructuredDetails.GetValueOrDefault("00"));
        w.WriteString("counterparty_account", e.CounterpartyIban);
        if (e.StructuredDetails.Count > 0)
        {
            w.WriteStartObject("details_structured");
            foreach (var (key, value) in e.StructuredDetails.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteStartObject("sepa_keywords");
            foreach (var (key, value) in e.SepaKeywords.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        }
    }

    private static void WriteBaiFields(Utf8JsonWriter w, StatementEntry e)
    {
        w.WriteString("type_code", e.BankTransactionCode);
        w.WriteString("type_description", int.TryParse(e.BankTransactionCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? Bai2TypeCodes.Describe(code) : null);
        WriteAmount(w, "amount_unsigned", e.UnsignedAmount);
        WriteFunds(w, e.FundsCode, e.FundsDate);
        w.WriteString("bank_reference", e.AccountServicerReference);
        w.WriteString("customer_reference", e.EntryReference);
        w.WriteString("text", e.Details);
    }

    private static void WriteFunds(Utf8JsonWriter w, string? type, DateOnly? date)
    {
        if (type is null)
        {
            w.WriteNull("funds_type");
            return;
        }

        w.WriteStartObject("funds_type");
        w.WriteString("type_code", type);
        WriteDate(w, "date", date);
        w.WriteEndObject();
    }

    private static void WriteDetail(Utf8JsonWriter w, TransactionDetail d, bool entryIsCredit)
    {
        w.WriteStartObject();
        WriteAmount(w, "amount", d.Amount);
        w.WriteString("currency", d.Currency);
        WriteAmount(w, "instructed_amount", d.InstructedAmount);
        w.WriteString("instructed_currency", d.InstructedCurrency);
        WriteAmount(w, "original_amount", d.InstructedAmount);
        w.WriteString("original_currency", d.InstructedCurrency);
        w.WriteString("exchange_rate", d.ExchangeRate?.ToString(CultureInfo.InvariantCulture));
        w.WriteString("end_to_end_id", d.EndToEndId);
        w.WriteString("transaction_id", d.TransactionId);
        w.WriteString("instruction_id", d.InstructionId);
        w.WriteString("payment_information_id", d.PaymentInformationId);
        w.WriteString("mandate_id", d.MandateId);
        w.WriteString("account_servicer_reference", d.AccountServicerReference);
        w.WriteString("uetr", d.Uetr);
        w.WriteString("remittance_info", d.RemittanceInfo);
        w.WriteStartArray("remittance_unstructured");
        foreach (var line in d.RemittanceLines)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
        w.WriteString("creditor_reference", d.CreditorReference);
        w.WriteString("creditor_reference_type", d.CreditorReferenceType);
        w.WriteStartArray("additional_remittance_info");
        foreach (var line in d.AdditionalRemittanceLines)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
        w.WriteString("bank_transaction_code", d.BankTransactionCode);
        w.WriteString("proprietary_bank_transaction_code", d.ProprietaryBankTransactionCode);
        w.WriteString("return_reason", d.ReturnReason);
        w.WriteString("additional_info", d.AdditionalInfo);
        WriteAmount(w, "charges", d.Charges);
        var counterparty = d.Counterparty(entryIsCredit);
        w.WriteString("counterparty_name", counterparty?.Name);
        w.WriteString("counterparty_iban", counterparty?.Account);
        w.WriteString("counterparty_bic", counterparty?.Bic);
        w.WriteStartArray("related_parties");
        foreach (var party in d.RelatedParties)
        {
            WriteParty(w, party);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter w, RelatedParty p)
    {
        w.WriteStartObject();
        w.WriteString("role", p.Role);
        w.WriteString("name", p.Name);
        w.WriteString("account", p.Account);
        w.WriteString("iban", p.Iban);
        w.WriteString("bic", p.Bic);
        w.WriteString("bank_name", p.AgentName);
        w.WriteStartArray("postal_address_lines");
        foreach (var line in p.AddressLines)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
        w.WriteString("street", p.StreetName);
        w.WriteString("building_number", p.BuildingNumber);
        w.WriteString("post_code", p.PostCode);
        w.WriteString("town", p.TownName);
        w.WriteString("country", p.Country);
        w.WriteString("identification", p.Identification);
        w.WriteEndObject();
    }

    private static void WriteBalance(Utf8JsonWriter w, string? name, Balance? b)
    {
        if (b is null)
        {
            w.WriteNull(name!);
            return;
        }

        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteString("type", b.Type);
        WriteAmount(w, "amount", b.Amount);
        w.WriteString("currency", b.Currency);
        WriteDate(w, "date", b.Date);
        WriteTime(w, "datetime", b.Timestamp);
        w.WriteString("dc", b.Amount < 0 ? "D" : "C");
        w.WriteBoolean("intermediate", b.IsIntermediate);
        WriteInt(w, "item_count", b.ItemCount);
        WriteFunds(w, b.FundsType, b.FundsDate);
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, Bai2Group g)
    {
        w.WriteStartObject("group");
        w.WriteString("originator", g.Originator);
        w.WriteString("receiver", g.Receiver);
        WriteInt(w, "status", g.Status);
        WriteDate(w, "as_of_date", g.AsOfDate);
        WriteClock(w, "as_of_time", g.AsOfTime);
        w.WriteString("currency", g.Currency);
        WriteAmount(w, "group_control_total", g.ControlTotal);
        WriteInt(w, "number_of_accounts", g.AccountCount);
        WriteInt(w, "number_of_records", g.RecordCount);
        w.WriteEndObject();
    }

    private static void WriteBaiFile(Utf8JsonWriter w, Bai2FileInfo f)
    {
        w.WriteStartObject("bai_file");
        w.WriteString("sender", f.Sender);
        w.WriteString("receiver", f.Receiver);
        WriteDate(w, "created_date", f.CreationDate);
        WriteClock(w, "created_time", f.CreationTime);
        w.WriteString("file_id", f.FileId);
        WriteInt(w, "physical_record_length", f.PhysicalRecordLength);
        WriteInt(w, "block_size", f.BlockSize);
        WriteInt(w, "version", f.Version);
        WriteAmount(w, "file_control_total", f.ControlTotal);
        WriteInt(w, "number_of_groups", f.GroupCount);
        WriteInt(w, "number_of_records", f.RecordCount);
        w.WriteStartArray("groups");
        foreach (var g in f.Groups)
        {
            w.WriteStartObject();
            WriteAmount(w, "group_control_total", g.ControlTotal);
            WriteInt(w, "number_of_accounts", g.AccountCount);
            WriteInt(w, "number_of_records", g.RecordCount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAch(Utf8JsonWriter w, BankFile file)
    {
        w.WriteStartObject("ach");
        WriteInt(w, "batch_count", file.AchBatchCount);
        w.WriteNumber("entry_count", file.AchEntries.Count);
        w.WriteNumber("return_entry_count", file.AchEntries.Count(e => e.Kind == AchEntryKind.Return));
        w.WriteNumber("change_entry_count", file.AchEntries.Count(e => e.Kind == AchEntryKind.NotificationOfChange));
        w.WriteStartArray("entries");
        foreach (var e in file.AchEntries)
        {
            w.WriteStartObject();
            w.WriteString("kind", e.Kind switch { AchEntryKind.Return => "return", AchEntryKind.NotificationOfChange => "notification_of_change", _ => "entry" });
            w.WriteString("transaction_code", e.TransactionCode);
            WriteAmount(w, "amount", e.Amount);
            w.WriteString("routing_number", e.RoutingNumber);
            w.WriteString("account_number", e.AccountNumber);
            w.WriteString("individual_id", e.IndividualId);
            w.WriteString("individual_name", e.IndividualName);
            w.WriteString("trace_number", e.TraceNumber);
            w.WriteString("sec_code", e.SecCode);
            w.WriteString("company_name", e.CompanyName);
            WriteDate(w, "effective_date", e.EffectiveDate);
            w.WriteString("return_code", e.ReturnCode);
            w.WriteString("change_code", e.ChangeCode);
            w.WriteString("original_trace_number", e.OriginalTraceNumber);
            w.WriteString("original_receiving_dfi", e.OriginalReceivingDfi);
            w.WriteString("corrected_data", e.CorrectedData);
            w.WriteString("addenda_information", e.AddendaInformation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAmount(Utf8JsonWriter w, string name, decimal? amount)
    {
        if (amount is { } value)
        {
            w.WriteString(name, value.ToString("0.00##########", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date) =>
        w.WriteString(name, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void WriteClock(Utf8JsonWriter w, string name, TimeOnly? time) =>
        w.WriteString(name, time?.ToString(time.Value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.ffffff", CultureInfo.InvariantCulture));

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? time) =>
        w.WriteString(name, time?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
