namespace Billing.BankFiles.Csv;

/// <summary>How a single amount column is signed in a CSV export.</summary>
public enum CsvSignConvention
{
    /// <summary>Credits positive, debits negative (the library's own convention).</summary>
    CreditPositive,

    /// <summary>Debits positive, credits negative (some card and loan exports): amounts are negated.</summary>
    DebitPositive,
}
