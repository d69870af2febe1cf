using System.Globalization;

namespace Billing.BankFiles.Camt;

/// <summary>
/// A statement's TxsSummry: the number and sum of all, credit and debit entries and the net amount, as the bank counted
/// them. Whatever the bank states is compared with the entries actually read (absolute amounts; "Sum" is the sum
/// irrespective of direction); a difference means an entry was lost or altered.
/// </summary>
internal sealed class CamtTransactionSummary
{
    private string _position = string.Empty;
    private int? _count;
    private decimal? _sum;
    private decimal? _net;
    private int? _creditCount;
    private decimal? _creditSum;
    private int? _debitCount;
    private decimal? _debitSum;
    private int _readCount;
    private decimal _readCredits;
    private decimal _readDebits;
    private int _readCreditCount;

    /// <summary>Reads the stated figures of a TxsSummry element (every version: TtlNetNtry or the older TtlNetNtryAmt + CdtDbtInd).</summary>
    public void ReadStated(XmlCursor cursor)
    {
        _position = cursor.Position;
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "TtlNtries":
                    ReadTotal(cursor);
                    break;
                case "TtlCdtNtries":
                    (_creditCount, _creditSum) = ReadCountAndSum(cursor);
                    break;
                case "TtlDbtNtries":
                    (_debitCount, _debitSum) = ReadCountAndSum(cursor);
                    break;
                default:
                    cursor.Skip();
                    break;
            }
        }
    }

    /// <summary>Counts one entry of the statement (before or after the summary was read: only the totals are kept).</summary>
    public void Add(StatementEntry entry)
    {
        _readCount++;
        if (entry.IsCredit)
        {
            _readCreditCount++;
            _readCredits += Math.Abs(entry.Amount);
        }
        else
        {
            _readDebits += Math.Abs(entry.Amount);
        }
    }

    /// <summary>
    /// Compares every stated figure with the entries read: a difference throws when <paramref name="strict"/>, else it is
    /// added to <paramref name="warnings"/> (the first one only).
    /// </summary>
    public void Check(bool strict, List<string> warnings)
    {
        var mismatch = Compare("TtlNtries/NbOfNtries", _count, _readCount)
            ?? Compare("TtlNtries/Sum", _sum, _readCredits + _readDebits)
            ?? Compare("TtlNtries/TtlNetNtry", _net, _readCredits - _readDebits)
            ?? Compare("TtlCdtNtries/NbOfNtries", _creditCount, _readCreditCount)
            ?? Compare("TtlCdtNtries/Sum", _creditSum, _readCredits)
            ?? Compare("TtlDbtNtries/NbOfNtries", _debitCount, _readCount - _readCreditCount)
            ?? Compare("TtlDbtNtries/Sum", _debitSum, _readDebits);
        if (mismatch is null)
        {
            return;
        }

        if (strict)
        {
            throw new BankFileFormatException(_position, mismatch + ": the file is not whole");
        }

        warnings.Add($"{_position}: {mismatch}");
    }

    private static string? Compare(string what, decimal? stated, decimal read) =>
        stated is { } value && value != read
            ? string.Create(CultureInfo.InvariantCulture, $"TxsSummry {what} states {value}, the statement's entries give {read}")
            : null;

    private void ReadTotal(XmlCursor cursor)
    {
        var parent = cursor.Enter();
        var net = (decimal?)null;
        var debit = false;
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "NbOfNtries":
                    _count = Count(cursor);
                    break;
                case "Sum":
                    _sum = ReadSum(cursor);
                    break;
                case "TtlNetNtryAmt":
                    net = cursor.ReadAmount();
                    break;
                case "CdtDbtInd":
                    debit = cursor.ReadText() == "DBIT";
                    break;
                case "TtlNetNtry":
                    (net, debit) = ReadNet(cursor);
                    break;
                default:
                    cursor.Skip();
                    break;
            }
        }

        _net = net is { } amount ? (debit ? -amount : amount) : null;
    }

    private static (decimal? Amount, bool Debit) ReadNet(XmlCursor cursor)
    {
        var parent = cursor.Enter();
        decimal? amount = null;
        var debit = false;
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "Amt":
                    amount = cursor.ReadAmount();
                    break;
                case "CdtDbtInd":
                    debit = cursor.ReadText() == "DBIT";
                    break;
                default:
                    cursor.Skip();
                    break;
            }
        }

        return (amount, debit);
    }

    private static (int? Count, decimal? Sum) ReadCountAndSum(XmlCursor cursor)
    {
        var parent = cursor.Enter();
        int? count = null;
        decimal? sum = null;
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "NbOfNtries":
                    count = Count(cursor);
                    break;
                case "Sum":
                    sum = ReadSum(cursor);
                    break;
                default:
                    cursor.Skip();
                    break;
            }
        }

        return (count, sum);
    }

    /// <summary>A sum; some banks write the debit sum with a minus sign, which says nothing the element name does not.</summary>
    private static decimal ReadSum(XmlCursor cursor)
    {
        var position = cursor.Position;
        var text = cursor.ReadText();
        return Text.AmountText.TryParse(text, '.', out var sum)
            ? Math.Abs(sum)
            : throw new BankFileFormatException(position, $"expected a decimal amount, found \"{(text.Length > 20 ? text[..20] + "..." : text)}\"");
    }

    private static int Count(XmlCursor cursor)
    {
        var position = cursor.Position;
        var text = cursor.ReadText();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new BankFileFormatException(position, $"expected a number of entries, found \"{(text.Length > 20 ? text[..20] + "..." : text)}\"");
    }
}
