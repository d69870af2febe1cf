using System.Globalization;
using System.Text.Json;
using static Billing.BankFiles.Json.EntryJson;

namespace Billing.BankFiles.Json;

/// <summary>JSON value conventions: amounts as decimal strings with at least two decimals, ISO dates and times, null for absent values, balances as objects.</summary>
internal static class JsonValues
{
    internal static bool IsSwift(BankFileFormat format) => format is BankFileFormat.Mt940 or BankFileFormat.Mt942;

    internal static void WriteBalance(Utf8JsonWriter w, string? name, Balance? b)
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

    internal static void WriteAmount(Utf8JsonWriter w, string name, decimal? amount)
    {
        if (amount is { } value)
        {
            Span<char> text = stackalloc char[48];
            if (value.TryFormat(text, out var length, "0.00##########", CultureInfo.InvariantCulture))
            {
                w.WriteString(name, text[..length]);
            }
            else
            {
                w.WriteString(name, value.ToString("0.00##########", CultureInfo.InvariantCulture));
            }
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes <paramref name="values"/> as an array of strings (an empty array when there are none).</summary>
    internal static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    internal static void WriteInt(Utf8JsonWriter w, string name, int? value)
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

    internal static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date) =>
        w.WriteString(name, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    internal static void WriteClock(Utf8JsonWriter w, string name, TimeOnly? time) =>
        w.WriteString(name, time?.ToString(time.Value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.ffffff", CultureInfo.InvariantCulture));

    internal static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? time) =>
        w.WriteString(name, time?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
