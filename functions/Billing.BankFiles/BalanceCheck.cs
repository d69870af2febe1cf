using System.Globalization;

namespace Billing.BankFiles;

/// <summary>
/// The arithmetic check every statement gets: opening balance + booked entries = closing balance. In an MT940 and a
/// camt.053 statement the bank promises every booking between the two balances, so a mismatch means the file is not
/// whole (cut off, an entry lost): with <see cref="BankFileReaderOptions.RequireStatedTotals"/> it is a
/// <see cref="BankFileFormatException"/> naming both figures, otherwise a warning. Other formats only ever get the
/// warning, because banks legitimately omit entries from some reports (camt.052/054, MT942, BAI2 summaries).
/// </summary>
internal static class BalanceCheck
{
    public static void Check(BankFileFormat format, BankStatement statement, bool strict, List<string> warnings)
    {
        if (statement.OpeningBalance is not { } opening || statement.ClosingBalance is not { } closing || statement.Kind != StatementKind.Statement)
        {
            return;
        }

        if (opening.Currency.Length > 0 && closing.Currency.Length > 0 && opening.Currency != closing.Currency)
        {
            return;
        }

        var expected = opening.Amount + statement.EntrySum;
        if (expected == closing.Amount)
        {
            return;
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"statement {statement.StatementId ?? statement.Account}: opening {opening.Amount} + entries {statement.EntrySum} = {expected}, but closing balance is {closing.Amount}");
        if (strict && format is BankFileFormat.Mt940 or BankFileFormat.Camt053)
        {
            throw new BankFileFormatException(Where(statement), message + ": the file is not whole (an entry is missing or was altered)");
        }

        warnings.Add(message);
    }

    private static string Where(BankStatement statement) =>
        statement.StatementNumber is { } number ? $"statement number {number}" : $"statement {statement.StatementId ?? statement.Account ?? "?"}";
}
