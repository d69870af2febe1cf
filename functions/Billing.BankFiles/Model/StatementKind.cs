namespace Billing.BankFiles;

/// <summary>What kind of document a <see cref="BankStatement"/> came from.</summary>
public enum StatementKind
{
    /// <summary>End-of-period statement (camt.053 Stmt, MT940, BAI2 account, CSV export).</summary>
    Statement,

    /// <summary>Intraday report (camt.052 Rpt, MT942).</summary>
    Report,

    /// <summary>Debit/credit notification (camt.054 Ntfctn).</summary>
    Notification,
}
