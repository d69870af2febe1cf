namespace Billing.BankFiles;

/// <summary>
/// One underlying transaction of an entry (camt TxDtls). A batch booking has several; a single booking has
/// at most one. <see cref="Amount"/> carries the sign of the entry it belongs to (credit positive), because the
/// entry's credit/debit indicator decides the direction of the booking.
/// </summary>
public sealed class TransactionDetail
{
    /// <summary>Signed amount of this transaction (TxDtls/Amt, else AmtDtls/TxAmt, else AmtDtls/InstdAmt).</summary>
    public decimal? Amount { get; internal set; }

    /// <summary>Currency of <see cref="Amount"/>.</summary>
    public string? Currency { get; internal set; }

    /// <summary>Instructed amount (AmtDtls/InstdAmt), unsigned, in its original currency.</summary>
    public decimal? InstructedAmount { get; internal set; }

    /// <summary>Currency of <see cref="InstructedAmount"/>.</summary>
    public string? InstructedCurrency { get; internal set; }

    /// <summary>Source currency of a currency exchange (AmtDtls/*/CcyXchg/SrcCcy).</summary>
    public string? SourceCurrency { get; internal set; }

    /// <summary>Exchange rate of a currency exchange (AmtDtls/*/CcyXchg/XchgRate).</summary>
    public decimal? ExchangeRate { get; internal set; }

    /// <summary>End-to-end identification set by the initiating party.</summary>
    public string? EndToEndId { get; internal set; }

    /// <summary>Transaction identification (Refs/TxId).</summary>
    public string? TransactionId { get; internal set; }

    /// <summary>Instruction identification (Refs/InstrId).</summary>
    public string? InstructionId { get; internal set; }

    /// <summary>Payment information identification (Refs/PmtInfId).</summary>
    public string? PaymentInformationId { get; internal set; }

    /// <summary>Direct debit mandate identification (Refs/MndtId).</summary>
    public string? MandateId { get; internal set; }

    /// <summary>Account servicer reference of the transaction (Refs/AcctSvcrRef).</summary>
    public string? AccountServicerReference { get; internal set; }

    /// <summary>Universal end-to-end transaction reference (Refs/UETR).</summary>
    public string? Uetr { get; internal set; }

    /// <summary>Unstructured remittance lines (RmtInf/Ustrd) in document order.</summary>
    public IReadOnlyList<string> RemittanceLines => _remittanceLines;

    /// <summary>First structured creditor reference (RmtInf/Strd/CdtrRefInf/Ref), e.g. an RF or QR/ISR reference.</summary>
    public string? CreditorReference { get; internal set; }

    /// <summary>Type of <see cref="CreditorReference"/> (code such as SCOR, or the proprietary text).</summary>
    public string? CreditorReferenceType { get; internal set; }

    /// <summary>Additional remittance information of structured blocks (Strd/AddtlRmtInf).</summary>
    public IReadOnlyList<string> AdditionalRemittanceLines => _additionalRemittanceLines;

    /// <summary>Parties named in the transaction.</summary>
    public IReadOnlyList<RelatedParty> RelatedParties => _relatedParties;

    /// <summary>Bank transaction code (Domn/Cd/Fmly/SubFmlyCd joined with '/', or the proprietary code).</summary>
    public string? BankTransactionCode { get; internal set; }

    /// <summary>Proprietary bank transaction code (BkTxCd/Prtry/Cd).</summary>
    public string? ProprietaryBankTransactionCode { get; internal set; }

    /// <summary>Return reason code (RtrInf/Rsn/Cd or Prtry).</summary>
    public string? ReturnReason { get; internal set; }

    /// <summary>Additional return reason text (RtrInf/AddtlInf).</summary>
    public string? ReturnAdditionalInfo { get; internal set; }

    /// <summary>Additional transaction information (AddtlTxInf).</summary>
    public string? AdditionalInfo { get; internal set; }

    /// <summary>Total charges (Chrgs/TtlChrgsAndTaxAmt, else the sum of Chrgs/Rcrd/Amt).</summary>
    public decimal? Charges { get; internal set; }

    /// <summary>The first unstructured remittance line, else the creditor reference.</summary>
    public string? RemittanceInfo => _remittanceLines.Count > 0 ? _remittanceLines[0] : CreditorReference;

    /// <summary>The related party with <paramref name="role"/>, or null.</summary>
    public RelatedParty? Party(string role)
    {
        foreach (var party in _relatedParties)
        {
            if (party.Role == role)
            {
                return party;
            }
        }

        return null;
    }

    /// <summary>
    /// The other side of the booking: the debtor of a credit, the creditor of a debit.
    /// </summary>
    public RelatedParty? Counterparty(bool isCredit) => Party(isCredit ? "Debtor" : "Creditor");

    internal readonly List<string> _remittanceLines = [];
    internal readonly List<string> _additionalRemittanceLines = [];
    internal readonly List<RelatedParty> _relatedParties = [];
}
