namespace Billing.Cli.Demo;

/// <summary>How a demo customer pays its invoices (decided from the seed by <see cref="DemoBank"/>).</summary>
public enum DemoPayerRole
{
    /// <summary>On time, with the RF creditor reference (structured in camt, in the text elsewhere).</summary>
    CreditorReference,

    /// <summary>On time, the invoice number typed in the text with spaces, dashes or in lower case.</summary>
    InvoiceNumberText,

    /// <summary>On time, but the invoice number has a typo (the year), so the payment is parked.</summary>
    Typo,

    /// <summary>Pays half of each invoice.</summary>
    Partial,

    /// <summary>Pays a tenth more than the invoice: the rest becomes a credit balance.</summary>
    Overpay,

    /// <summary>Pays two invoices with one transfer.</summary>
    TwoInOne,

    /// <summary>Ignores the friendly reminder, pays two days after the first notice (+3 days).</summary>
    AfterFirstNotice,

    /// <summary>Pays on time with the RF reference, but the bank returns the first payment (account closed).</summary>
    Returned,

    /// <summary>Pays a week or two after the due date.</summary>
    Late,

    /// <summary>Never pays.</summary>
    Never,
}
