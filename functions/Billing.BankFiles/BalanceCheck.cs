using System.Globalization;

namespace Billing.BankFiles;

/// <summary>
/// The arithmetic check every statement gets: opening balance + booked entries = closing balance. A mismatch is a
/// warning, not an error, because banks legitimately omit entries from some reports (camt.052/054, MT942).
/// </summary>
internal static class BalanceCheck
{
    public static void Check(BankStatement statement, List<string> warnings)
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
        if (expected != closing.Amount)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"statement {statement.StatementId ?? statement.Account}: opening {opening.Amount} + entries {statement.EntrySum} = {expected}, but closing balance is {closing.Amount}"));
        }
    }
}
