using System.Text.Json;
using System.Text.Json.Serialization;

namespace Billing.BankFiles.Csv;

/// <summary>
/// A <see cref="CsvProfile"/> as a JSON file to keep and edit (<c>billing bankfile profile FILE</c> writes one,
/// <c>--profile FILE</c> reads it): the property names of <see cref="CsvProfile"/> in camelCase, characters as
/// one-character strings. The text encoding is not stored: it is detected from the file. A profile that cannot be used
/// (no booking date column, no amount or debit/credit columns, an impossible separator) is refused on reading, naming
/// the field.
/// </summary>
public static class CsvProfileJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The profile as indented JSON.</summary>
    public static string Write(CsvProfile profile) => JsonSerializer.Serialize(profile, _options);

    /// <summary>Reads and checks a profile; <paramref name="source"/> names the file in errors.</summary>
    public static CsvProfile Read(string json, string source)
    {
        CsvProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<CsvProfile>(json, _options);
        }
        catch (JsonException ex)
        {
            throw new BankFileFormatException($"profile {source}{(ex.Path is null ? "" : $", {ex.Path}")}", "not a CSV profile: " + ex.Message.Split(" Path:")[0], ex);
        }

        if (profile is null)
        {
            throw new BankFileFormatException($"profile {source}", "expected a JSON object with name, headerColumns, bookingDateColumn and the amount columns");
        }

        Check(profile, source);
        return profile;
    }

    private static void Check(CsvProfile p, string source)
    {
        string? problem =
            p.Name.Length == 0 ? "name: expected a non-empty name"
            : p.Delimiter is '"' or '\r' or '\n' ? "delimiter: expected a character other than a quote or a line break"
            : p.DecimalSeparator is not ('.' or ',') ? "decimalSeparator: expected \".\" or \",\""
            : p.ThousandsSeparators.Contains(p.DecimalSeparator, StringComparison.Ordinal) ? "thousandsSeparators: must not contain the decimal separator"
            : p.HeaderColumns.Count == 0 ? "headerColumns: expected the column names that identify the header line"
            : p.BookingDateColumn.Length == 0 ? "bookingDateColumn: expected a column name"
            : p.DateFormats.Count == 0 ? "dateFormats: expected at least one date format such as dd.MM.yyyy"
            : p.AmountColumn is null && (p.DebitColumn is null || p.CreditColumn is null) ? "amountColumn: expected an amount column, or both debitColumn and creditColumn"
            : p.MaxPreambleLines is < 0 or > 1000 ? "maxPreambleLines: expected 0 to 1000"
            : null;
        if (problem is not null)
        {
            throw new BankFileFormatException($"profile {source}", problem);
        }
    }
}
