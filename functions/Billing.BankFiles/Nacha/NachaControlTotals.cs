using System.Globalization;

namespace Billing.BankFiles.Nacha;

/// <summary>
/// The figures a NACHA batch control (8) and file control (9) record repeat: entry and addenda count, entry hash (the
/// sum of the 8-digit receiving DFI routing numbers, its last ten digits) and total debit and credit amounts in cents.
/// A control record that disagrees with the records it closes means the file is not whole.
/// </summary>
internal sealed class NachaControlTotals
{
    private long _hash;
    private long _debits;
    private long _credits;

    /// <summary>Entry (6) and addenda (7) records counted.</summary>
    public long EntryAndAddendaCount { get; private set; }

    /// <summary>Counts one 6 entry record: its routing number into the hash, its amount by the transaction code's direction.</summary>
    public void AddEntry(string record, long cents, int transactionCode)
    {
        EntryAndAddendaCount++;
        _hash += long.Parse(record.AsSpan(3, 8), NumberStyles.None, CultureInfo.InvariantCulture);
        if (transactionCode % 10 is >= 1 and <= 4)
        {
            _credits += cents;
        }
        else
        {
            _debits += cents;
        }
    }

    /// <summary>Counts one 7 addenda record.</summary>
    public void AddAddenda() => EntryAndAddendaCount++;

    /// <summary>Adds a closed batch's figures to the file's.</summary>
    public void Add(NachaControlTotals batch)
    {
        EntryAndAddendaCount += batch.EntryAndAddendaCount;
        _hash += batch._hash;
        _debits += batch._debits;
        _credits += batch._credits;
    }

    /// <summary>
    /// Compares a control record's figures, read at the given 0-based offsets of the count, hash and the two totals, with
    /// what was counted; throws naming both figures on the first difference.
    /// </summary>
    public void Check(string record, string position, string what, (int Start, int Length) count, int hashStart, int debitStart)
    {
        Compare(record, position, what, "entry/addenda count", count.Start, count.Length, EntryAndAddendaCount);
        Compare(record, position, what, "entry hash", hashStart, 10, _hash % 10_000_000_000);
        Compare(record, position, what, "total debit amount (cents)", debitStart, 12, _debits);
        Compare(record, position, what, "total credit amount (cents)", debitStart + 12, 12, _credits);
    }

    private static void Compare(string record, string position, string what, string field, int start, int length, long actual)
    {
        var text = record.AsSpan(start, length);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var stated))
        {
            throw new BankFileFormatException(position, $"{what}: expected a number for the {field} at positions {start + 1}-{start + length}, found \"{text}\"");
        }

        if (stated != actual)
        {
            throw new BankFileFormatException(position, string.Create(CultureInfo.InvariantCulture,
                $"{what} states {field} {stated}, the records add up to {actual}: the file is not whole"));
        }
    }
}
