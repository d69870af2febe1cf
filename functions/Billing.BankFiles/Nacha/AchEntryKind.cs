namespace Billing.BankFiles.Nacha;

/// <summary>What a NACHA entry is, decided by its addenda: a 99 addenda makes a return, a 98 a notification of change.</summary>
public enum AchEntryKind
{
    /// <summary>An ordinary forward entry.</summary>
    Entry,

    /// <summary>A returned entry (addenda type 99, reason code Rnn).</summary>
    Return,

    /// <summary>A notification of change (addenda type 98, change code Cnn).</summary>
    NotificationOfChange,
}
