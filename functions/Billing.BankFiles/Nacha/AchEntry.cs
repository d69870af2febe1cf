namespace Billing.BankFiles.Nacha;

/// <summary>
/// One NACHA entry detail (6 record) with its addenda. <see cref="Amount"/> is signed from the transaction code:
/// codes ending in 1-4 are credits (positive), 5-9 debits (negative).
/// </summary>
public sealed class AchEntry
{
    /// <summary>Return, notification of change, or forward entry.</summary>
    public AchEntryKind Kind { get; internal set; }

    /// <summary>Two-digit transaction code (e.g. 22 checking credit, 27 checking debit, 21/26 returns and NOCs).</summary>
    public required string TransactionCode { get; init; }

    /// <summary>Receiving DFI routing number (8 digits + check digit).</summary>
    public required string RoutingNumber { get; init; }

    /// <summary>Receiver's account number.</summary>
    public required string AccountNumber { get; init; }

    /// <summary>Signed amount in dollars (implied two decimals in the file).</summary>
    public decimal Amount { get; init; }

    /// <summary>Individual identification number.</summary>
    public string? IndividualId { get; init; }

    /// <summary>Individual or company name of the receiver.</summary>
    public string? IndividualName { get; init; }

    /// <summary>Trace number.</summary>
    public required string TraceNumber { get; init; }

    /// <summary>Standard entry class code of the batch (PPD, CCD, COR...).</summary>
    public string? SecCode { get; init; }

    /// <summary>Company name of the batch.</summary>
    public string? CompanyName { get; init; }

    /// <summary>Effective entry date of the batch.</summary>
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>Return reason code (R01...), for returns. Codes outside the NACHA list are kept as written.</summary>
    public string? ReturnCode { get; internal set; }

    /// <summary>Change code (C01...), for notifications of change.</summary>
    public string? ChangeCode { get; internal set; }

    /// <summary>Trace number of the original entry (returns and NOCs).</summary>
    public string? OriginalTraceNumber { get; internal set; }

    /// <summary>Original receiving DFI (returns and NOCs).</summary>
    public string? OriginalReceivingDfi { get; internal set; }

    /// <summary>Corrected data (NOCs).</summary>
    public string? CorrectedData { get; internal set; }

    /// <summary>Addenda information text.</summary>
    public string? AddendaInformation { get; internal set; }
}
