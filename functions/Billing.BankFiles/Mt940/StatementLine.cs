using Billing.BankFiles.Text;

namespace Billing.BankFiles.Mt940;

/// <summary>
/// Reads the SWIFT :61: statement line <c>6!n[4!n]2a[1!a]15d1!a3!c16x[//16x][34x]</c>: value date, optional
/// entry date (MMDD, in the value date's year, moved across a year end when the months say so), the mark
/// C/D/RC/RD (RC, reversal of credit, is a debit; RD, reversal of debit, is a credit), optional funds code,
/// amount with decimal comma (a missing comma is tolerated), type code, references and the supplementary details
/// on the continuation line. A space before the type code is tolerated (some German banks write one). A first line
/// wrapped at the bank's line length is joined with its continuation (<see cref="ContinuesOnNextLine"/>).
/// </summary>
internal static class StatementLine
{
    /// <summary>The SWIFT line length (block 4): a tag line this long may have been wrapped by the bank.</summary>
    public const int SwiftLineLength = 65;

    /// <summary>The length of the tag <c>:61:</c> before the first line.</summary>
    public const int TagLength = 4;
    private const int ReferenceLength = 16;

    /// <summary>Fills <paramref name="entry"/>; returns true when the value date was a period-end day past the month's end (moved to its last day).</summary>
    public static bool Parse(ReadOnlySpan<char> text, string? secondLine, StatementEntry entry, int line)
    {
        if (text.Length < 6 || !AmountText.TryParseYyMmDdPeriodEnd(text[..6], out var valueDate, out var moved))
        {
            throw new BankFileFormatException(Position(line), ":61: expected the value date YYMMDD");
        }

        entry.ValueDate = valueDate;
        var i = 6;
        if (text.Length >= 10 && char.IsAsciiDigit(text[6]) && char.IsAsciiDigit(text[7]) && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]))
        {
            entry.BookingDate = EntryDate(valueDate, text.Slice(6, 4), line);
            i = 10;
        }

        var mark = ReadMark(text, ref i, line);
        entry.CreditDebitMark = mark;
        entry.IsReversal = mark[0] == 'R';
        entry.IsCredit = mark is "C" or "RD" or "EC";

        if (i < text.Length && char.IsAsciiLetterUpper(text[i]) && i + 1 < text.Length && !char.IsAsciiLetter(text[i + 1]))
        {
            entry.FundsCode = text[i].ToString();
            i++;
        }

        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == ','))
        {
            i++;
        }

        var amountText = text[start..i];
        // SWIFT requires the decimal comma, but some banks (Knab) write "C500NTRF"; the digits are still unambiguous.
        if (!AmountText.TryParse(amountText, ',', out var amount))
        {
            throw new BankFileFormatException(Position(line), ":61: expected an amount (digits with a decimal comma) after the debit/credit mark");
        }

        entry.Amount = entry.IsCredit ? amount : -amount;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i + 4 > text.Length)
        {
            throw new BankFileFormatException(Position(line), ":61: expected the transaction type code (e.g. NTRF) after the amount");
        }

        entry.BankTransactionCode = text.Slice(i, 4).ToString();
        i += 4;
        var rest = text[i..];
        var slashes = rest.IndexOf("//", StringComparison.Ordinal);
        var customer = slashes < 0 ? rest : rest[..slashes];
        entry.EntryReference = customer.Length == 0 ? null : customer.ToString();
        if (slashes >= 0)
        {
            var bank = rest[(slashes + 2)..].TrimEnd();
            entry.AccountServicerReference = bank.Length == 0 ? null : bank.ToString();
        }

        entry.SupplementaryDetails = string.IsNullOrWhiteSpace(secondLine) ? null : secondLine;
        return moved;
    }

    /// <summary>
    /// True when the :61: line <paramref name="first"/> (joined so far) was wrapped at the bank's line length and
    /// <paramref name="next"/> continues it (rather than being the supplementary details): the line ends before the type
    /// code; or <paramref name="next"/> starts with the <c>//</c> of the bank reference; or the last physical line was
    /// full (<paramref name="lastLineFull"/>: the SWIFT line length of 65 characters with the tag, or the width a wrapped
    /// line already showed) while a reference is shorter than its 16 characters and <paramref name="next"/> completes it
    /// within 16 (without spaces in a bank reference).
    /// </summary>
    public static bool ContinuesOnNextLine(ReadOnlySpan<char> first, ReadOnlySpan<char> next, bool lastLineFull)
    {
        var references = ReferencesStart(first);
        if (references < 0)
        {
            return true;
        }

        var refs = first[references..];
        var slashes = refs.IndexOf("//", StringComparison.Ordinal);
        if (slashes < 0 && next.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        if (!lastLineFull)
        {
            return false;
        }

        if (slashes < 0)
        {
            var nextSlashes = next.IndexOf("//", StringComparison.Ordinal);
            var customerRest = nextSlashes < 0 ? next : next[..nextSlashes];
            return refs.Length < ReferenceLength && refs.Length + customerRest.Length <= ReferenceLength
                && (nextSlashes < 0 || next.Length - nextSlashes - 2 <= ReferenceLength);
        }

        var bank = refs.Length - slashes - 2;
        return bank < ReferenceLength && bank + next.Length <= ReferenceLength && !next.Contains(' ');
    }

    /// <summary>Where the references start (after the type code), or -1 when the line ends before.</summary>
    private static int ReferencesStart(ReadOnlySpan<char> text)
    {
        var i = 6;
        if (text.Length >= 10 && char.IsAsciiDigit(text[6]) && char.IsAsciiDigit(text[7]) && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]))
        {
            i = 10;
        }

        if (i >= text.Length)
        {
            return -1;
        }

        i += text[i] is 'R' or 'E' ? 2 : 1;
        if (i < text.Length && char.IsAsciiLetterUpper(text[i]) && i + 1 < text.Length && !char.IsAsciiLetter(text[i + 1]))
        {
            i++;
        }

        var amount = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == ','))
        {
            i++;
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i == amount || i + 4 > text.Length ? -1 : i + 4;
    }

    private static string ReadMark(ReadOnlySpan<char> text, ref int i, int line)
    {
        if (i < text.Length)
        {
            switch (text[i])
            {
                case 'C':
                    i++;
                    return "C";
                case 'D':
                    i++;
                    return "D";
                case 'R' or 'E' when i + 1 < text.Length && text[i + 1] is 'C' or 'D':
                    i += 2;
                    return text[i - 2] == 'R' ? (text[i - 1] == 'C' ? "RC" : "RD") : (text[i - 1] == 'C' ? "EC" : "ED");
            }
        }

        throw new BankFileFormatException(Position(line), ":61: expected the debit/credit mark C, D, RC or RD");
    }

    private static DateOnly EntryDate(DateOnly valueDate, ReadOnlySpan<char> mmdd, int line)
    {
        AmountText.TryDigits(mmdd[..2], out var month);
        AmountText.TryDigits(mmdd[2..], out var day);
        var year = valueDate.Year;
        if (month == 12 && valueDate.Month == 1)
        {
            year--;
        }
        else if (month == 1 && valueDate.Month == 12)
        {
            year++;
        }

        // A period-end day past the month's end (0230, 0431) is the month's last day, as for the value date.
        if (!AmountText.TryDate(year, month, day, out var date)
            && !(month is >= 1 and <= 12 && day is >= 29 and <= 31 && AmountText.TryDate(year, month, DateTime.DaysInMonth(year, month), out date)))
        {
            throw new BankFileFormatException(Position(line), ":61: expected the entry date MMDD");
        }

        return date;
    }

    /// <summary>The error position, built only when there is an error (not once per entry).</summary>
    private static string Position(int line) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {line}");
}
