namespace Billing.BankFiles;

/// <summary>
/// One booking line of a statement, in every format. <see cref="Amount"/> is signed: credits are positive,
/// debits negative. For SWIFT reversals the sign follows SWIFT: RC (reversal of credit) is a debit and
/// RD (reversal of debit) is a credit.
/// </summary>
public sealed class StatementEntry
{
    /// <summary>Signed amount: credit positive, debit negative.</summary>
    public decimal Amount { get; internal set; }

    /// <summary>True when the entry credits the account (even when <see cref="Amount"/> is zero).</summary>
    public bool IsCredit { get; internal set; }

    /// <summary>ISO 4217 currency code.</summary>
    public string Currency { get; internal set; } = string.Empty;

    /// <summary>Booking (entry) date.</summary>
    public DateOnly? BookingDate { get; internal set; }

    /// <summary>Booking timestamp where the file has one (camt BookgDt/DtTm).</summary>
    public DateTimeOffset? BookingTime { get; internal set; }

    /// <summary>Value date.</summary>
    public DateOnly? ValueDate { get; internal set; }

    /// <summary>Value timestamp where the file has one (camt ValDt/DtTm).</summary>
    public DateTimeOffset? ValueTime { get; internal set; }

    /// <summary>Booked, pending or information.</summary>
    public EntryStatus Status { get; internal set; } = EntryStatus.Booked;

    /// <summary>True for a reversal (camt RvslInd, MT940 RC/RD).</summary>
    public bool IsReversal { get; internal set; }

    /// <summary>Entry reference: camt NtryRef, MT940 reference for the account owner, BAI2 customer reference.</summary>
    public string? EntryReference { get; internal set; }

    /// <summary>Account servicer reference: camt AcctSvcrRef, MT940 bank reference, BAI2 bank reference.</summary>
    public string? AccountServicerReference { get; internal set; }

    /// <summary>End-to-end id (camt, MT940 EREF+).</summary>
    public string? EndToEndId
    {
        get
        {
            ApplyDeferredDetails();
            return _endToEndId;
        }

        internal set
        {
            ApplyDeferredDetails();
            _endToEndId = value;
        }
    }

    /// <summary>Structured creditor reference (camt CdtrRefInf, ISR/QR/RF reference).</summary>
    public string? CreditorReference { get; internal set; }

    /// <summary>Remittance text: camt first Ustrd line, MT940 purpose text, BAI2/CSV text.</summary>
    public string? RemittanceInfo
    {
        get
        {
            ApplyDeferredDetails();
            return _remittanceInfo;
        }

        internal set
        {
            ApplyDeferredDetails();
            _remittanceInfo = value;
        }
    }

    /// <summary>Name of the other party: the debtor of a credit, the creditor of a debit.</summary>
    public string? CounterpartyName
    {
        get
        {
            ApplyDeferredDetails();
            return _counterpartyName;
        }

        internal set
        {
            ApplyDeferredDetails();
            _counterpartyName = value;
        }
    }

    /// <summary>IBAN (or other account id) of the other party.</summary>
    public string? CounterpartyIban
    {
        get
        {
            ApplyDeferredDetails();
            return _counterpartyIban;
        }

        internal set
        {
            ApplyDeferredDetails();
            _counterpartyIban = value;
        }
    }

    /// <summary>BIC (or bank code) of the other party.</summary>
    public string? CounterpartyBic
    {
        get
        {
            ApplyDeferredDetails();
            return _counterpartyBic;
        }

        internal set
        {
            ApplyDeferredDetails();
            _counterpartyBic = value;
        }
    }

    /// <summary>Bank transaction code: camt Domn/Cd/Fmly/SubFmlyCd or proprietary, MT940 type (NTRF), BAI2 type code.</summary>
    public string? BankTransactionCode { get; internal set; }

    /// <summary>Return reason (camt RtrInf/Rsn, MT940 RTRN, NACHA R-code).</summary>
    public string? ReturnReason { get; internal set; }

    /// <summary>Charges on the entry, when the file states them.</summary>
    public decimal? Charges { get; internal set; }

    /// <summary>Additional entry information (camt AddtlNtryInf).</summary>
    public string? AdditionalInfo { get; internal set; }

    /// <summary>Underlying transactions (camt TxDtls) in document order.</summary>
    public IReadOnlyList<TransactionDetail> TransactionDetails => _transactionDetails;

    /// <summary>MT940 :61: debit/credit mark as written (C, D, RC, RD); BAI2 "credit"/"debit".</summary>
    public string? CreditDebitMark { get; internal set; }

    /// <summary>MT940 funds code (third currency letter), BAI2 funds type.</summary>
    public string? FundsCode { get; internal set; }

    /// <summary>BAI2 funds availability date (funds type V), when given.</summary>
    public DateOnly? FundsDate { get; internal set; }

    /// <summary>MT940 :61: supplementary details (subfield 9).</summary>
    public string? SupplementaryDetails { get; internal set; }

    /// <summary>The raw free text: MT940 :86: (lines joined with '\n'), BAI2 16/88 text.</summary>
    public string? Details { get; internal set; }

    /// <summary>German structured :86: subfields (?00 posting text, ?10 primanota, ?20-?29 purpose, ?30-?33 counterparty...), keyed by the two digits.</summary>
    public IReadOnlyDictionary<string, string> StructuredDetails
    {
        get
        {
            ApplyDeferredDetails();
            return _structuredDetails;
        }

        internal set
        {
            ApplyDeferredDetails();
            _structuredDetails = value;
        }
    }

    /// <summary>SEPA keyword values (EREF+, KREF+, MREF+, CRED+, SVWZ+...) found in a German structured purpose text, keyed without the '+'.</summary>
    public IReadOnlyDictionary<string, string> SepaKeywords
    {
        get
        {
            ApplyDeferredDetails();
            return _sepaKeywords;
        }

        internal set
        {
            ApplyDeferredDetails();
            _sepaKeywords = value;
        }
    }

    /// <summary>German Geschäftsvorfallcode (first three characters of a structured :86:).</summary>
    public string? TransactionTypeCode
    {
        get
        {
            ApplyDeferredDetails();
            return _transactionTypeCode;
        }

        internal set
        {
            ApplyDeferredDetails();
            _transactionTypeCode = value;
        }
    }

    /// <summary>Unsigned amount as written (BAI2).</summary>
    public decimal UnsignedAmount => Math.Abs(Amount);

    internal readonly List<TransactionDetail> _transactionDetails = [];

    private string? _endToEndId;

    private string? _remittanceInfo;

    private string? _counterpartyName;

    private string? _counterpartyIban;

    private string? _counterpartyBic;

    private IReadOnlyDictionary<string, string> _structuredDetails = EmptyFields;

    private IReadOnlyDictionary<string, string> _sepaKeywords = EmptyFields;

    private string? _transactionTypeCode;

    // An MT940 :86: whose structured subfields and SEPA keywords are read when one of the properties they fill is first
    // used (or set), not while the file is parsed: a reader that only counts and sums entries does not pay for them.
    private string? _deferredDetails;

    /// <summary>
    /// Defers reading <paramref name="details"/> (an MT940 :86:) into <see cref="StructuredDetails"/>,
    /// <see cref="SepaKeywords"/>, the counterparty, <see cref="EndToEndId"/> and <see cref="RemittanceInfo"/> (the raw
    /// text when it is not structured) to the first use of one of them.
    /// </summary>
    internal void DeferDetails(string details) => _deferredDetails = details;

    private void ApplyDeferredDetails()
    {
        if (_deferredDetails is null)
        {
            return;
        }

        lock (_transactionDetails)
        {
            if (_deferredDetails is not { } details)
            {
                return;
            }

            _deferredDetails = null;
            Mt940.StructuredDetails.Apply(details, this);
            _remittanceInfo ??= details;
        }
    }

    internal static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>();
}
