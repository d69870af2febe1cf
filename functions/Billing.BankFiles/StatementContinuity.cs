using System.Globalization;

namespace Billing.BankFiles;

/// <summary>
/// Continuity between the statements of one account within a file, so finance learns that a statement is missing:
/// the previous statement's closing balance must be this one's opening balance; MT940 statement numbers (:28C:) and
/// camt electronic sequence numbers (ElctrncSeqNb) go up by one (a further page of the same MT940 statement keeps the
/// number and goes up by one in its page number). A gap is a warning, never an error: the statements that are there
/// are still right.
/// </summary>
internal sealed class StatementContinuity
{
    private readonly Dictionary<string, BankStatement> _previous = new(StringComparer.Ordinal);

    public void Check(BankFileFormat format, BankStatement statement, List<string> warnings)
    {
        if (statement.Kind != StatementKind.Statement || (statement.Iban ?? statement.Account) is not { } account)
        {
            return;
        }

        if (_previous.TryGetValue(account, out var previous))
        {
            CheckBalances(account, previous, statement, warnings);
            CheckNumbers(format, account, previous, statement, warnings);
        }

        _previous[account] = statement;
    }

    private static void CheckBalances(string account, BankStatement previous, BankStatement statement, List<string> warnings)
    {
        if (previous.ClosingBalance is { } closed && statement.OpeningBalance is { } opened
            && (closed.Amount != opened.Amount || (closed.Currency.Length > 0 && opened.Currency.Length > 0 && closed.Currency != opened.Currency)))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"statement {Name(statement)} of account {account} opens with {opened.Amount} {opened.Currency}, but the previous statement {Name(previous)} closed with {closed.Amount} {closed.Currency}: a statement may be missing"));
        }
    }

    private static void CheckNumbers(BankFileFormat format, string account, BankStatement previous, BankStatement statement, List<string> warnings)
    {
        if (StatementSequence.Follows(format, previous.StatementNumber, previous.SequenceNumber, statement.StatementNumber, statement.SequenceNumber))
        {
            return;
        }

        warnings.Add(format is BankFileFormat.Mt940 or BankFileFormat.Mt942
            ? $"account {account}: statement number :28C: {statement.StatementNumber}/{statement.SequenceNumber} follows {previous.StatementNumber}/{previous.SequenceNumber}: a statement may be missing"
            : $"account {account}: electronic sequence number {statement.SequenceNumber} follows {previous.SequenceNumber}: a statement may be missing");
    }

    private static string Name(BankStatement statement) => statement.StatementId ?? statement.StatementNumber ?? "?";
}
