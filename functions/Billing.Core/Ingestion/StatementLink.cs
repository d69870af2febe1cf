using System.Globalization;
using Billing.BankFiles;

namespace Billing.Core.Ingestion;

/// <summary>
/// What continuity across files needs of one ingested statement of an own account: its numbers, its closing date and
/// its opening and closing booked balances (decimal strings), and the file it came from. Links are ordered by closing
/// date, then statement number, then sequence (page or electronic sequence) number (<see cref="CompareTo"/>).
/// </summary>
public sealed record StatementLink : IComparable<StatementLink>
{
    public required string FileId { get; init; }

    public required string FileName { get; init; }

    public required BankFileFormat Format { get; init; }

    /// <summary>The normalised own IBAN the statement is for.</summary>
    public required string Account { get; init; }

    public required string Currency { get; init; }

    public string? StatementId { get; init; }

    /// <summary>MT940 <c>:28C:</c> statement number, camt LglSeqNb.</summary>
    public string? StatementNumber { get; init; }

    /// <summary>MT940 <c>:28C:</c> page number, camt ElctrncSeqNb.</summary>
    public string? SequenceNumber { get; init; }

    /// <summary>The closing balance's date (else the end of the period, else the creation date).</summary>
    public DateOnly? Date { get; init; }

    public string? Opening { get; init; }

    public string? Closing { get; init; }

    /// <summary>
    /// The link of a completed statement on the own account <paramref name="account"/>, or null when it cannot be chained:
    /// not a statement (an MT942 or camt.052 report, a camt.054 notification), no currency, or neither a date nor a number
    /// to order it by.
    /// </summary>
    public static StatementLink? Of(BankFileFormat format, BankStatement statement, string account, string fileId, string fileName)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var currency = statement.Currency ?? statement.ClosingBalance?.Currency ?? statement.OpeningBalance?.Currency;
        var date = statement.ClosingBalance?.Date ?? DateOf(statement.ToTime ?? statement.CreationTime);
        if (statement.Kind != StatementKind.Statement || string.IsNullOrEmpty(currency)
            || (date is null && statement.StatementNumber is null && statement.SequenceNumber is null))
        {
            return null;
        }

        return new StatementLink
        {
            FileId = fileId, FileName = fileName, Format = format, Account = account, Currency = currency.ToUpperInvariant(),
            StatementId = statement.StatementId, StatementNumber = statement.StatementNumber, SequenceNumber = statement.SequenceNumber, Date = date,
            Opening = Text(statement.OpeningBalance), Closing = Text(statement.ClosingBalance),
        };
    }

    /// <summary>Orders by date, then statement number, then sequence number; a missing part does not decide.</summary>
    public int CompareTo(StatementLink? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (Date is { } date && other.Date is { } otherDate && date != otherDate)
        {
            return date.CompareTo(otherDate);
        }

        if (StatementSequence.Number(StatementNumber) is { } number && StatementSequence.Number(other.StatementNumber) is { } otherNumber && number != otherNumber)
        {
            return number.CompareTo(otherNumber);
        }

        return StatementSequence.Number(SequenceNumber) is { } sequence && StatementSequence.Number(other.SequenceNumber) is { } otherSequence
            ? sequence.CompareTo(otherSequence)
            : 0;
    }

    /// <summary>How the statement is named in a warning: its id and numbers, its date and its file.</summary>
    public string Describe()
    {
        var numbers = StatementNumber is null && SequenceNumber is null ? "" : $" ({StatementSequence.Describe(Format, StatementNumber, SequenceNumber)})";
        var date = Date is { } d ? string.Create(CultureInfo.InvariantCulture, $" of {d:yyyy-MM-dd}") : "";
        return $"statement {StatementId ?? "?"}{numbers}{date} in file {FileName}";
    }

    private static string? Text(Balance? balance) => balance?.Amount.ToString(CultureInfo.InvariantCulture);

    private static DateOnly? DateOf(DateTimeOffset? time) => time is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null;
}
