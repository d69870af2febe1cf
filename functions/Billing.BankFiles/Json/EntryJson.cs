using System.Globalization;
using System.Text.Json;
using Billing.BankFiles.Bai2;
using static Billing.BankFiles.Json.JsonValues;
using static Billing.BankFiles.Json.TransactionDetailJson;

namespace Billing.BankFiles.Json;

/// <summary>Writes one entry: the common fields, then the SWIFT (:61:/:86:) or BAI2 fields its format adds; transaction details last.</summary>
internal static class EntryJson
{
    internal static void WriteEntry(Utf8JsonWriter w, BankFileFormat format, StatementEntry e)
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

    internal static void WriteSwiftFields(Utf8JsonWriter w, StatementEntry e)
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

    internal static void WriteBaiFields(Utf8JsonWriter w, StatementEntry e)
    {
        w.WriteString("type_code", e.BankTransactionCode);
        w.WriteString("type_description", int.TryParse(e.BankTransactionCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? Bai2TypeCodes.Describe(code) : null);
        WriteAmount(w, "amount_unsigned", e.UnsignedAmount);
        WriteFunds(w, e.FundsCode, e.FundsDate);
        w.WriteString("bank_reference", e.AccountServicerReference);
        w.WriteString("customer_reference", e.EntryReference);
        w.WriteString("text", e.Details);
    }

    internal static void WriteFunds(Utf8JsonWriter w, string? type, DateOnly? date)
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
}
