namespace Billing.BankFiles;

/// <summary>What a <see cref="BankFileEvent"/> reports. Events arrive in document order.</summary>
public enum BankFileEventKind
{
    /// <summary>The format (and version) is known. Always the first event.</summary>
    FileStarted,

    /// <summary>A statement header was read: account, currency, opening balance when it precedes the entries.</summary>
    StatementStarted,

    /// <summary>One entry of the current statement.</summary>
    Entry,

    /// <summary>The current statement ended; its closing balances and counts are now final.</summary>
    StatementCompleted,

    /// <summary>One NACHA entry (return, notification of change, or forward entry).</summary>
    AchEntry,

    /// <summary>The file ended; file-level trailers have been checked. Always the last event.</summary>
    FileCompleted,
}
