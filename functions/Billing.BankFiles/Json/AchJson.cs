using System.Text.Json;
using Billing.BankFiles.Nacha;
using static Billing.BankFiles.Json.JsonValues;

namespace Billing.BankFiles.Json;

/// <summary>Writes NACHA entries, returns (R codes) and notifications of change (C codes).</summary>
internal static class AchJson
{
    internal static void WriteAch(Utf8JsonWriter w, BankFile file)
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
}
