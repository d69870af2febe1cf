using System.Globalization;

namespace Billing.BankFiles;

/// <summary>
/// When one statement's numbers follow another's, so that a missing statement shows: MT940/MT942 statement numbers
/// (<c>:28C:</c> first part) go up by one, or stay and the page number (second part) goes up by one for a further page
/// of the same statement; camt electronic sequence numbers (<c>ElctrncSeqNb</c>) go up by one. Formats without numbers
/// (BAI2, CSV, NACHA) and statements whose numbers are missing or not numeric always follow.
/// </summary>
public static class StatementSequence
{
    /// <summary>
    /// True when a statement numbered <paramref name="number"/>/<paramref name="sequence"/> may come right after one
    /// numbered <paramref name="previousNumber"/>/<paramref name="previousSequence"/> (see the type's rule).
    /// </summary>
    public static bool Follows(BankFileFormat format, string? previousNumber, string? previousSequence, string? number, string? sequence)
    {
        if (format is BankFileFormat.Mt940 or BankFileFormat.Mt942)
        {
            if (Number(previousNumber) is not { } before || Number(number) is not { } now)
            {
                return true;
            }

            var nextPage = now == before && Number(previousSequence) is { } page && Number(sequence) is { } next && next == page + 1;
            return now == before + 1 || nextPage;
        }

        return format is not (BankFileFormat.Camt052 or BankFileFormat.Camt053 or BankFileFormat.Camt054)
            || Number(previousSequence) is not { } previous || Number(sequence) is not { } current || current == previous + 1;
    }

    /// <summary>How the numbers are named in a warning: <c>:28C: 5/1</c> or <c>electronic sequence number 5</c>.</summary>
    public static string Describe(BankFileFormat format, string? number, string? sequence) =>
        format is BankFileFormat.Mt940 or BankFileFormat.Mt942 ? $":28C: {number}/{sequence}" : $"electronic sequence number {sequence}";

    /// <summary>The number as an integer, when it is one (leading zeros allowed).</summary>
    public static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
