namespace Billing.BankFiles;

/// <summary>The file formats this library recognises. The format is always detected from the content, never from a file name.</summary>
public enum BankFileFormat
{
    /// <summary>ISO 20022 camt.052 intraday account report.</summary>
    Camt052,

    /// <summary>ISO 20022 camt.053 end-of-day statement.</summary>
    Camt053,

    /// <summary>ISO 20022 camt.054 debit/credit notification.</summary>
    Camt054,

    /// <summary>SWIFT MT940 customer statement.</summary>
    Mt940,

    /// <summary>SWIFT MT942 interim transaction report.</summary>
    Mt942,

    /// <summary>BAI2 cash management balance report.</summary>
    Bai2,

    /// <summary>Bank CSV export read through a <see cref="Csv.CsvProfile"/>.</summary>
    Csv,

    /// <summary>NACHA ACH file (returns and notifications of change).</summary>
    Nacha,
}
