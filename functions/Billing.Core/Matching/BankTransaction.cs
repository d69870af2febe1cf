namespace Billing.Core.Matching;

/// <summary>
/// What a bank says about one transaction on the company's account, whatever the file format: when it was booked (and
/// valued), on which of our accounts, who paid from where, and the references and text the payer gave. It is the common
/// part of the bank entry being ingested (<see cref="Ingestion.BankEntry"/>), the matcher's view of a credit
/// (<see cref="IncomingPayment"/>) and the payment recorded for it (<see cref="Payments.Payment"/>); each adds its own amount
/// (unsigned as written, minor units, money) and what it is for. They derive from it rather than hold it so that a stored
/// <see cref="Payments.Payment"/> keeps these as top-level properties: the store indexes <c>bookingDate</c>, <c>bankReference</c>,
/// <c>endToEndId</c> and <c>creditorReference</c> there, and documents written before this type existed read unchanged.
/// </summary>
public record BankTransaction
{
    public required DateOnly BookingDate { get; init; }

    public DateOnly? ValueDate { get; init; }

    /// <summary>The company's own account the money arrived on (normalized IBAN or account id).</summary>
    public string? ReceivingAccount { get; init; }

    public string? PayerName { get; init; }

    public string? PayerIban { get; init; }

    /// <summary>All the free text the bank gave (remittance lines, purpose, additional info), joined by spaces.</summary>
    public string? RemittanceInfo { get; init; }

    public string? EndToEndId { get; init; }

    /// <summary>The structured creditor reference (RF, ISR/QR) the payer quoted.</summary>
    public string? CreditorReference { get; init; }

    /// <summary>The bank's own reference of the entry (camt AcctSvcrRef, MT940 bank reference, BAI2 bank reference, NACHA trace).</summary>
    public string? BankReference { get; init; }
}
