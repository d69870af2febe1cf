using System.Text;
using System.Text.RegularExpressions;

namespace Billing.Documents.Reports;

/// <summary>
/// One CSV field, safe to open in a spreadsheet. A field that starts with <c>= + - @</c>, a tab or a carriage return
/// could run as a formula (CSV injection), so it gets a leading single quote, unless it is a plain number such as
/// <c>-12.30</c>, which no spreadsheet runs and which must stay a number. Quoting follows RFC 4180: a field with a
/// comma, quote, CR or LF is quoted, quotes doubled.
/// </summary>
public static partial class CsvCell
{
    public static string Escape(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') && !PlainNumber().IsMatch(text))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static void WriteRow(StringBuilder builder, IEnumerable<string?> fields, int width)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(fields);
        var count = 0;
        foreach (var field in fields)
        {
            if (count++ > 0)
            {
                builder.Append(',');
            }

            builder.Append(Escape(field));
        }

        // An empty row is one empty field; pad to the width so every line has as many fields.
        for (count = Math.Max(count, 1); count < width; count++)
        {
            builder.Append(',');
        }

        builder.Append("\r\n");
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
