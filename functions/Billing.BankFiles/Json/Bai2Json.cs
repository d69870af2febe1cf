using System.Text.Json;
using Billing.BankFiles.Bai2;
using static Billing.BankFiles.Json.JsonValues;

namespace Billing.BankFiles.Json;

/// <summary>Writes the BAI2 file header/trailer and group information.</summary>
internal static class Bai2Json
{
    /// <summary>A statement's group header (02); its trailer (98) comes after the statement and is under bai_file.groups.</summary>
    internal static void WriteGroup(Utf8JsonWriter w, Bai2Group g)
    {
        w.WriteStartObject("group");
        w.WriteString("originator", g.Originator);
        w.WriteString("receiver", g.Receiver);
        WriteInt(w, "status", g.Status);
        WriteDate(w, "as_of_date", g.AsOfDate);
        WriteClock(w, "as_of_time", g.AsOfTime);
        w.WriteString("currency", g.Currency);
        w.WriteEndObject();
    }

    internal static void WriteBaiFile(Utf8JsonWriter w, Bai2FileInfo f)
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
}
