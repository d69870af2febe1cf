namespace Billing.BankFiles;

/// <summary>
/// One statement, report, notification or BAI2 account section. Balances are signed (debit negative).
/// In the streaming API the entries are not kept here (<see cref="Entries"/> stays empty); the
/// "whole file" API fills them.
/// </summary>
public sealed class BankStatement
{
    /// <summary>Statement, report or notification.</summary>
    public StatementKind Kind { get; internal set; }

    /// <summary>Account identifier as written: IBAN, camt Othr/Id, MT940 :25:, BAI2 03 account number.</summary>
    public string? Account { get; internal set; }

    /// <summary>IBAN when the account is identified by one.</summary>
    public string? Iban { get; internal set; }

    /// <summary>BIC of the account servicer, when given.</summary>
    public string? AccountServicerBic { get; internal set; }

    /// <summary>Name of the account servicer, when given.</summary>
    public string? AccountServicerName { get; internal set; }

    /// <summary>Name of the account owner, when given.</summary>
    public string? AccountOwnerName { get; internal set; }

    /// <summary>Account currency (camt Acct/Ccy, else the balances' or entries' currency).</summary>
    public string? Currency { get; internal set; }

    /// <summary>Statement id: camt Stmt/Rpt/Ntfctn Id, MT940 :20:, BAI2 group originator + account.</summary>
    public string? StatementId { get; internal set; }

    /// <summary>Message id (camt GrpHdr/MsgId, MT940 block 4 message reference).</summary>
    public string? MessageId { get; internal set; }

    /// <summary>MT940 :21: related reference.</summary>
    public string? RelatedReference { get; internal set; }

    /// <summary>Statement number (MT940 :28C: first part, camt LglSeqNb).</summary>
    public string? StatementNumber { get; internal set; }

    /// <summary>Sequence number (MT940 :28C: second part, camt ElctrncSeqNb).</summary>
    public string? SequenceNumber { get; internal set; }

    /// <summary>Creation time (camt CreDtTm, MT942 :13D:, BAI2 file creation).</summary>
    public DateTimeOffset? CreationTime { get; internal set; }

    /// <summary>Start of the reported period (camt FrToDt/FrDtTm).</summary>
    public DateTimeOffset? FromTime { get; internal set; }

    /// <summary>End of the reported period (camt FrToDt/ToDtTm).</summary>
    public DateTimeOffset? ToTime { get; internal set; }

    /// <summary>Opening booked balance (camt OPBD/PRCD, MT940 :60F:/:60M:, BAI2 010).</summary>
    public Balance? OpeningBalance { get; internal set; }

    /// <summary>Closing booked balance (camt CLBD, MT940 :62F:/:62M:, BAI2 015).</summary>
    public Balance? ClosingBalance { get; internal set; }

    /// <summary>Closing available balance (camt CLAV, MT940 :64:, BAI2 045).</summary>
    public Balance? AvailableBalance { get; internal set; }

    /// <summary>First forward available balance (camt FWAV, MT940 :65:).</summary>
    public Balance? ForwardAvailableBalance { get; internal set; }

    /// <summary>Every balance and summary in document order.</summary>
    public IReadOnlyList<Balance> Balances => _balances;

    /// <summary>Statement-level free text (MT940 :86: after the entries or the closing balance, camt AddtlStmtInf).</summary>
    public string? AdditionalInfo { get; internal set; }

    /// <summary>Statement-level free text that precedes the entries (MT940 :86: before the first :61:).</summary>
    public string? HeaderInfo { get; internal set; }

    /// <summary>Entries (empty in the streaming API).</summary>
    public IReadOnlyList<StatementEntry> Entries => _entries;

    /// <summary>Number of entries read for this statement (also set in the streaming API).</summary>
    public int EntryCount { get; internal set; }

    /// <summary>Sum of the signed booked entry amounts read for this statement.</summary>
    public decimal EntrySum { get; internal set; }

    /// <summary>BAI2 group (02 record) of this account, when the file is BAI2.</summary>
    public Bai2.Bai2Group? Bai2Group { get; internal set; }

    /// <summary>BAI2 account trailer (49) control total.</summary>
    public decimal? ControlTotal { get; internal set; }

    /// <summary>BAI2 account trailer (49) number of records.</summary>
    public int? RecordCount { get; internal set; }

    internal readonly List<Balance> _balances = [];
    internal readonly List<StatementEntry> _entries = [];
}
