using System.Globalization;

namespace Billing.BankFiles.Text;

/// <summary>
/// Span-based amount and date parsing shared by the text formats. Amounts are always <see cref="decimal"/>;
/// the caller says which character is the decimal separator.
/// </summary>
internal static class AmountText
{
    /// <summary>Parses digits with an optional single decimal separator and an optional leading sign.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, char decimalSeparator, out decimal value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 40)
        {
            return false;
        }

        var negative = false;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        long integer = 0;
        long fraction = 0;
        var scale = 0;
        var digits = 0;
        var seenSeparator = false;
        foreach (var c in text)
        {
            if (c == decimalSeparator && !seenSeparator)
            {
                seenSeparator = true;
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            if (++digits > 18)
            {
                return TryParseSlow(text, decimalSeparator, negative, out value);
            }

            if (seenSeparator)
            {
                fraction = (fraction * 10) + (c - '0');
                scale++;
            }
            else
            {
                integer = (integer * 10) + (c - '0');
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = integer + new decimal((int)fraction, (int)(fraction >> 32), 0, false, (byte)scale);
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static bool TryParseSlow(ReadOnlySpan<char> text, char decimalSeparator, bool negative, out decimal value)
    {
        Span<char> copy = stackalloc char[text.Length];
        text.CopyTo(copy);
        copy.Replace(decimalSeparator, '.');
        var ok = decimal.TryParse(copy, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        if (negative)
        {
            value = -value;
        }

        return ok;
    }

    /// <summary>Parses YYMMDD with the SWIFT century rule: 00-79 are 20xx, 80-99 are 19xx.</summary>
    public static bool TryParseYyMmDd(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 6 || !TryDigits(text[..2], out var yy) || !TryDigits(text.Slice(2, 2), out var mm) || !TryDigits(text.Slice(4, 2), out var dd))
        {
            return false;
        }

        var year = yy < 80 ? 2000 + yy : 1900 + yy;
        return TryDate(year, mm, dd, out date);
    }

    /// <summary>
    /// Parses YYMMDD allowing a day past the month's end up to the 31st, as German banks write period-end postings
    /// (the 30th of February); such a date is moved to the month's last day and <paramref name="moved"/> is set.
    /// </summary>
    public static bool TryParseYyMmDdPeriodEnd(ReadOnlySpan<char> text, out DateOnly date, out bool moved)
    {
        moved = false;
        if (TryParseYyMmDd(text, out date))
        {
            return true;
        }

        if (text.Length != 6 || !TryDigits(text[..2], out var yy) || !TryDigits(text.Slice(2, 2), out var mm) || !TryDigits(text.Slice(4, 2), out var dd)
            || mm is < 1 or > 12 || dd is < 29 or > 31)
        {
            return false;
        }

        var year = yy < 80 ? 2000 + yy : 1900 + yy;
        moved = TryDate(year, mm, DateTime.DaysInMonth(year, mm), out date);
        return moved;
    }

    /// <summary>Builds a date, rejecting impossible days instead of throwing.</summary>
    public static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses a run of ASCII digits (at most 9).</summary>
    public static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
