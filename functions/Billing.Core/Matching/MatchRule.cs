namespace Billing.Core.Matching;

/// <summary>The rule that matched a payment, in the order the matcher tries them.</summary>
public enum MatchRule
{
    /// <summary>ISO 11649 RF creditor reference, structured or found in the text with valid check digits.</summary>
    CreditorReference,

    /// <summary>Invoice numbers found in the remittance text.</summary>
    InvoiceNumber,

    /// <summary>An end-to-end id this system issued.</summary>
    EndToEndId,

    /// <summary>Known payer IBAN and an amount equal to one open invoice or a small set of them.</summary>
    PayerIbanAndAmount,

    /// <summary>A person's decision on a parked payment.</summary>
    Manual,
}
