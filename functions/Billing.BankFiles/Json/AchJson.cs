using System.Text.Json;
using Billing.BankFiles.Nacha;
using static Billing.BankFiles.Json.JsonValues;

namespace Billing.BankFiles.Json;

/// <summary>Writes NACHA entries, returns (R codes) and notifications of change (C codes).</summary>
internal static class AchJson
{
    internal static void WriteAchEntry(Utf8JsonWriter w, AchEntry e)
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

    /// <summary>Counts NACHA entries by kind while they stream past, for the figures written after them.</summary>
    internal sealed class AchCounts
    {
        public int Entries { get; set; }

        private int _returns;
        private int _changes;

        public void Count(AchEntry e)
        {
            _returns += e.Kind == AchEntryKind.Return ? 1 : 0;
            _changes += e.Kind == AchEntryKind.NotificationOfChange ? 1 : 0;
        }

        public void Write(Utf8JsonWriter w, int? batchCount)
        {
            WriteInt(w, "batch_count", batchCount);
            w.WriteNumber("entry_count", Entries);
            w.WriteNumber("return_entry_count", _returns);
            w.WriteNumber("change_entry_count", _changes);
        }
    }
}
