namespace Billing.BankFiles.Csv;

/// <summary>What a CSV column holds, as recognised from its header and checked against its values.</summary>
public enum CsvColumnRole
{
    /// <summary>The booking date.</summary>
    BookingDate,

    /// <summary>The value date.</summary>
    ValueDate,

    /// <summary>One signed amount.</summary>
    Amount,

    /// <summary>Debit amounts (money out).</summary>
    Debit,

    /// <summary>Credit amounts (money in).</summary>
    Credit,

    /// <summary>The currency code.</summary>
    Currency,

    /// <summary>Booking or remittance text.</summary>
    Text,

    /// <summary>The bank's reference.</summary>
    Reference,

    /// <summary>The balance after the booking (read, never summed).</summary>
    Balance,

    /// <summary>The payer's or payee's name.</summary>
    Counterparty,
}
